using Queue.LoadTests.Baselines;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Cli;

/// <summary>What issue 15's goals are computed from, besides the reports: each null when its scenario did not run.</summary>
public sealed record GoalSources(BareHubFanout? BigHub, WatchersScenario? BigWatchers, DeepLine? DeepLine, Soak? Soak);
