namespace Queue.LoadTests.Engine;

public enum SimulationKind
{
    /// <summary>Closed model: a fixed number of copies, each starting its next iteration as soon as the last one ends.</summary>
    KeepConstant,

    /// <summary>Closed model: the number of copies moves linearly from the previous phase's count to the target.</summary>
    RampingConstant,

    /// <summary>Open model: iterations start at a fixed rate whatever the answers' speed.</summary>
    Inject,

    /// <summary>Open model: the rate moves linearly from the previous phase's rate to the target.</summary>
    RampingInject,
}
