using Queue.Contracts.Config;

namespace Queue.Silo.Grains;

[GenerateSerializer]
public sealed class HallState : EventSourcedState
{
    [Id(0)] public HallConfig? Config { get; set; }

    [Id(1)] public DateOnly LastClosedDay { get; set; }
}
