using Queue.Contracts.Webhooks;
using Queue.Engine.Grains;

namespace Queue.Engine.Webhooks;

[GenerateSerializer]
public sealed class HallWebhooksState : EventSourcedState
{
    [Id(0)] public Dictionary<string, WebhookEndpoint> Endpoints { get; set; } = [];
}
