using System.Security.Cryptography;
using Queue.Contracts.Grains;
using Queue.Contracts.Security;
using Queue.Engine.Grains;
using Queue.Engine.Persistence;

namespace Queue.Engine.Security;

/// <summary>Makes the installation's keys on first use, from the system's CSPRNG, and keeps them.</summary>
public sealed class SecretsGrain(
    [PersistentState("secrets", QueueGrainStorage.ProviderName)] IPersistentState<SecretsState> state)
    : QueueGrain<SecretsState>(state), ISecretsGrain
{
    public async Task<QueueSecrets> GetAsync()
    {
        if (State.Secrets is { EntranceKey: not null } secrets)
        {
            return secrets;
        }

        // Keys stored before the entrance key existed keep their others (sessions, links and citizen hashes stay valid).
        State.Secrets = State.Secrets is { } older ? older with { EntranceKey = Key() } : new QueueSecrets(Key(), Key(), Key(), Key());
        await SaveAsync();
        return State.Secrets;
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
