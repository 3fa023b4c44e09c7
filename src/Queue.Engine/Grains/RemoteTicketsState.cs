using Queue.Domain;

namespace Queue.Engine.Grains;

[GenerateSerializer]
public sealed class RemoteTicketsState : EventSourcedState
{
    [Id(0)] public RemoteTicketLedger Ledger { get; set; } = new();
}
