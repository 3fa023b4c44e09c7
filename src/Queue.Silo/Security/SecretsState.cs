using Queue.Contracts.Security;
using Queue.Silo.Grains;

namespace Queue.Silo.Security;

[GenerateSerializer]
public sealed class SecretsState : EventSourcedState
{
    [Id(0)] public QueueSecrets? Secrets { get; set; }
}
