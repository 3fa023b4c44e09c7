using Queue.Contracts.Snapshots;

namespace Queue.Engine.Grains;

[GenerateSerializer]
public sealed class TidalPlanState : EventSourcedState
{
    /// <summary>Advice by day, the last two weeks and anything ahead, applied or not.</summary>
    [Id(0)] public Dictionary<DateOnly, TidalAdvice> Advice { get; set; } = [];
}
