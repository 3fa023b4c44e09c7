namespace Queue.Contracts.Config;

/// <summary>
/// The hall's routing and lifecycle rules.
/// <list type="bullet">
/// <item><see cref="MaxConsecutivePriorityCalls"/>: a window calls at most this many priority tickets in a row while normal ones wait.</item>
/// <item><see cref="CriticalUrgency"/>: a ticket whose wait reaches this share of its target overtakes priority and profile preference.</item>
/// <item><see cref="RecallsBeforeNoShow"/>: recalls a window must make before it may mark a ticket as no-show (过号).</item>
/// <item><see cref="NoShowRejoinPenalty"/>: a rejoining no-show is placed behind this many waiting tickets.</item>
/// <item><see cref="NearTurnReminder"/>: a citizen is told "还有N位" when this many or fewer are ahead.</item>
/// </list>
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoutingPolicy(
    [property: Id(0)] int MaxConsecutivePriorityCalls = 2,
    [property: Id(1)] double CriticalUrgency = 0.8,
    [property: Id(2)] int RecallsBeforeNoShow = 2,
    [property: Id(3)] int NoShowRejoinPenalty = 3,
    [property: Id(4)] int NearTurnReminder = 3)
{
    public static RoutingPolicy Default { get; } = new();
}
