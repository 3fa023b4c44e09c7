namespace Queue.Dashboard.Demo;

/// <summary>The demo hall's simulator (section "Queue:Simulator"). On by default so a newcomer sees the hall move.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Queue:Simulator";

    public bool Enabled { get; set; } = true;

    public string HallId { get; set; } = "binjiang";

    /// <summary>How many times faster than real life service runs (a 15-minute matter takes 15 × 60 ÷ Speed seconds).</summary>
    public double Speed { get; set; } = 15;

    /// <summary>New tickets per minute across the hall.</summary>
    public double ArrivalsPerMinute { get; set; } = 15;

    /// <summary>The windows the simulator staffs; the others are left for people to try.</summary>
    public List<int> Windows { get; set; } = [1, 2, 3, 7, 8, 10, 12, 13, 15, 17, 19, 20];

    /// <summary>No new ticket for a theme with this many already waiting, so the demo stays readable.</summary>
    public int MaxWaitingPerTheme { get; set; } = 12;
}
