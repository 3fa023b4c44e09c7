namespace Queue.Simulation;

/// <summary>A citizen taking a ticket: for which theme, and when (minutes since the hall's local midnight).</summary>
public readonly record struct CitizenArrival(string ThemeCode, double Minute);

/// <summary>
/// Where a day's arrivals come from: explicit rates (<see cref="PoissonArrivals"/>), and later a replayed journal or a
/// forecast. Draws only from the random stream it is given, so the same seed gives the same arrivals.
/// </summary>
public interface IArrivalSource
{
    /// <summary>The arrivals between <paramref name="fromMinute"/> and <paramref name="toMinute"/>, in time order.</summary>
    IReadOnlyList<CitizenArrival> Arrivals(double fromMinute, double toMinute, Random random);
}
