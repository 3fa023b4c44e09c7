namespace Queue.LoadTests.Engine;

/// <summary>What one scenario measured after its warm-up: the whole iterations, then each step in first-seen order.</summary>
public sealed record ScenarioReport(
    string Name,
    string Load,
    TimeSpan Duration,
    StepReport Total,
    IReadOnlyList<StepReport> Steps,
    long MaxInFlight,
    IReadOnlyList<string> Notes)
{
    public StepReport Step(string name) => Steps.Single(s => s.Name == name);
}
