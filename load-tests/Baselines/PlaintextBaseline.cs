using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Baselines;

/// <summary>GET /plaintext against the baseline host: what Kestrel alone does on this machine, with this generator.</summary>
public static class PlaintextBaseline
{
    public const string Name = "baseline-plaintext";
    public const string StepName = "GET /plaintext";

    public static Scenario Create(Uri baseline, int maxConnections)
    {
        var client = LoadHttp.Create(baseline, maxConnections);
        return Scenario.Create(Name, context => context.Step(StepName, () => HttpCall.SendAsync(client, HttpMethod.Get, "plaintext", context.CancellationToken)))
            with { Clean = _ => { client.Dispose(); return Task.CompletedTask; } };
    }
}
