namespace Queue.Simulation;

/// <summary>The ways of running a hall compared on the same arrivals (策略).</summary>
public enum SimulationPolicy
{
    /// <summary>Before the reform: each window dedicated to one theme (<see cref="DedicatedFifo"/>), each line plain first-come first-served.</summary>
    DedicatedFifo = 0,

    /// <summary>The hall's window profiles with Queue's routing (priorities, urgency, profile order).</summary>
    QueueRouting = 1,

    /// <summary><see cref="QueueRouting"/>, and the SLA guardian's moves applied when it advises them.</summary>
    QueueRoutingWithGuardian = 2,

    /// <summary><see cref="QueueRoutingWithGuardian"/>, and the tidal plan for the day's demand followed by the tidal windows.</summary>
    QueueRoutingWithGuardianAndTidal = 3,
}
