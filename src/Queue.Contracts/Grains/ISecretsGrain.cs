using Queue.Contracts.Security;

namespace Queue.Contracts.Grains;

/// <summary>The installation's keys (key: 0), made on first use and kept. Web nodes read them once at start.</summary>
[Alias("Queue.ISecretsGrain")]
public interface ISecretsGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<QueueSecrets> GetAsync();
}
