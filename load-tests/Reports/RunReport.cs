using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Reports;

/// <summary>Everything one run of a suite produced, ready to be written.</summary>
public sealed record RunReport(
    string Title,
    DateTimeOffset Started,
    MachineInfo Machine,
    string Target,
    IReadOnlyList<ScenarioReport> Scenarios,
    IReadOnlyList<Ratio> Ratios,
    IReadOnlyList<string> Notes);
