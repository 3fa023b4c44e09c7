namespace Queue.Domain;

/// <summary>
/// 建议出发时间: when a remote ticket's holder should leave to be in the hall before the earliest predicted call —
/// now plus the low end of the predicted wait (<see cref="WaitPrediction"/>, the one estimate) less the travel time the
/// citizen gave, to the minute, never earlier than now ("leave now").
/// </summary>
public static class LeaveHome
{
    public const int MaxTravelMinutes = 240;

    /// <summary>Null without a prediction (no open window serves the line) or without a travel time.</summary>
    public static DateTimeOffset? By(DateTimeOffset now, double? predictedLowMinutes, int? travelMinutes)
    {
        if (predictedLowMinutes is not { } low || travelMinutes is not { } travel)
        {
            return null;
        }

        var spare = Math.Floor(Math.Max(0, low - travel));
        var at = now.AddMinutes(spare);
        return new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), at.Offset);
    }
}
