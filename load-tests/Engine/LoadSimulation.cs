namespace Queue.LoadTests.Engine;

/// <summary>One phase of a scenario's load, in NBomber's vocabulary. Phases run one after the other.</summary>
public sealed record LoadSimulation(SimulationKind Kind, int Target, TimeSpan Interval, TimeSpan During)
{
    public bool IsOpen => Kind is SimulationKind.Inject or SimulationKind.RampingInject;

    public bool IsRamp => Kind is SimulationKind.RampingConstant or SimulationKind.RampingInject;

    /// <summary>Closed model: <paramref name="copies"/> copies in flight for <paramref name="during"/>.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during) =>
        Checked(new(SimulationKind.KeepConstant, copies, TimeSpan.Zero, during));

    /// <summary>Closed model: copies ramp linearly to <paramref name="copies"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during) =>
        Checked(new(SimulationKind.RampingConstant, copies, TimeSpan.Zero, during));

    /// <summary>Open model: <paramref name="rate"/> iterations every <paramref name="interval"/>, spread evenly, for <paramref name="during"/>.</summary>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) =>
        Checked(new(SimulationKind.Inject, rate, interval, during));

    /// <summary>Open model: the rate ramps linearly to <paramref name="rate"/> per <paramref name="interval"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) =>
        Checked(new(SimulationKind.RampingInject, rate, interval, during));

    private static LoadSimulation Checked(LoadSimulation simulation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(simulation.Target);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(simulation.During, TimeSpan.Zero);
        if (simulation.IsOpen)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(simulation.Interval, TimeSpan.Zero);
        }

        return simulation;
    }
}
