namespace Queue.LoadTests.Engine;

/// <summary>A named, timed piece of an iteration (one HTTP call, usually).</summary>
public sealed record Step(string Name, Func<ScenarioContext, Task<Response>> Run);
