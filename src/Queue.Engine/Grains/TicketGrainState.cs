namespace Queue.Engine.Grains;

[GenerateSerializer]
public sealed class TicketGrainState : EventSourcedState
{
    [Id(0)] public int? Rating { get; set; }

    [Id(1)] public string? Comment { get; set; }

    [Id(2)] public DateTimeOffset? RatedAt { get; set; }
}
