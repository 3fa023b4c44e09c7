using Queue.Contracts.Security;
using Queue.Engine.Grains;

namespace Queue.Engine.Security;

[GenerateSerializer]
public sealed class SecretsState : EventSourcedState
{
    [Id(0)] public QueueSecrets? Secrets { get; set; }
}
