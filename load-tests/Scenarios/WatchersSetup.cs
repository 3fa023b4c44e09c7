using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Scenarios;

/// <summary>The watchers scenario's preparation: windows signed in and free, setup calls that must succeed.</summary>
public static class WatchersSetup
{
    /// <summary>Signs the window in, then frees it (see <see cref="FreeAsync"/>).</summary>
    public static async Task OpenWindowAsync(HttpClient client, WatcherWindow window, CancellationToken cancellation)
    {
        var body = new { staffId = $"watch-{window.WindowNo}", staffName = $"压测叫号{window.WindowNo}" };
        var (response, snapshot) = await HttpCall.SendAsync<WindowSnapshot>(client, HttpMethod.Post, $"{window.Path}/sign-in", body, cancellation);
        _ = snapshot ?? throw new InvalidOperationException($"Signing in at {window.Path} failed: {response.Status} {response.Message}");
        await FreeAsync(client, window, snapshot, cancellation);
    }

    /// <summary>
    /// Brings a window an earlier call left calling or serving (a timed-out iteration, a previous run) back to idle:
    /// start and complete its ticket, following the state the product answers.
    /// </summary>
    public static async Task FreeAsync(HttpClient client, WatcherWindow window, WindowSnapshot? snapshot, CancellationToken cancellation)
    {
        snapshot ??= (await HttpCall.SendAsync<WindowSnapshot>(client, HttpMethod.Get, window.Path, null, cancellation)).Body;
        if (snapshot?.State == WindowState.Calling)
        {
            snapshot = (await HttpCall.SendAsync<WindowSnapshot>(client, HttpMethod.Post, $"{window.Path}/start", new { }, cancellation)).Body ?? snapshot;
        }

        if (snapshot?.State is WindowState.Calling or WindowState.Serving)
        {
            await HttpCall.SendAsync<WindowSnapshot>(client, HttpMethod.Post, $"{window.Path}/complete", new { outcome = "Done" }, cancellation);
        }
    }

    /// <summary>Frees the window and signs out; a failure here only leaves the window open.</summary>
    public static async Task CloseWindowAsync(HttpClient client, WatcherWindow window, CancellationToken cancellation)
    {
        await FreeAsync(client, window, null, cancellation);
        await HttpCall.SendAsync(client, HttpMethod.Post, $"{window.Path}/sign-out", cancellation);
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
