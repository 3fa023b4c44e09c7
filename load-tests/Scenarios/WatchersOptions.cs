namespace Queue.LoadTests.Scenarios;

/// <summary>How the watchers are made up and how long a call waits for its pushes.</summary>
public sealed record WatchersOptions
{
    /// <summary>Share of the connections that are hall boards (WatchHall, no zone); the rest are phones (WatchTicket).</summary>
    public double BoardShare { get; init; } = 0.2;

    /// <summary>Windows per hall that call (the comprehensive ones, which serve every theme), kept away from window staff.</summary>
    public int WindowsPerHall { get; init; } = 3;

    /// <summary>How long a call waits for all its pushes before the missing ones count as "not-delivered".</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many connections (and ticket issues) are opened at once while setting up.</summary>
    public int ConnectParallelism { get; init; } = 32;

    /// <summary>Empty every hall's lines first (close-day), so the phones' tickets are the first to be called.</summary>
    public bool CloseDayFirst { get; init; } = true;

    /// <summary>Waiting tickets to issue at least (the first ones are the phones'); with no phones, the calls still need someone to call.</summary>
    public int Tickets { get; init; }
}
