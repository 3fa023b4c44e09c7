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
        if (State.Secrets is { } secrets)
        {
            return secrets;
        }

        State.Secrets = new QueueSecrets(Key(), Key(), Key());
        await SaveAsync();
        return State.Secrets;
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
