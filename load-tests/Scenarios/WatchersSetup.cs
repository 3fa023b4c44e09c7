using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Scenarios;

/// <summary>The watchers scenario's preparation: windows signed in and free, setup calls that must succeed.</summary>
public static class WatchersSetup
{
    public static async Task OpenWindowAsync(HttpClient client, WatcherWindow window, CancellationToken cancellation)
    {
        var body = new { staffId = $"watch-{window.WindowNo}", staffName = $"压测叫号{window.WindowNo}" };
        var (response, snapshot) = await HttpCall.SendAsync<WindowSnapshot>(client, HttpMethod.Post, $"{window.Path}/sign-in", body, cancellation);
        _ = snapshot ?? throw new InvalidOperationException($"Signing in at {window.Path} failed: {response.Status} {response.Message}");
        if (snapshot.State == WindowState.Calling)
        {
            await HttpCall.SendAsync(client, HttpMethod.Post, $"{window.Path}/start", cancellation);
        }

        if (snapshot.State is WindowState.Calling or WindowState.Serving)
        {
            await HttpCall.SendAsync<WindowSnapshot>(client, HttpMethod.Post, $"{window.Path}/complete", new { outcome = "Done" }, cancellation);
        }
    }

    public static async Task Checked(Task<Response> call)
    {
        var response = await call;
        if (!response.IsOk)
        {
            throw new InvalidOperationException($"{response.Status} {response.Message}");
        }
    }
}
