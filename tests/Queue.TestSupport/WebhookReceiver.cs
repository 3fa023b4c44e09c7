using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Queue.TestSupport;

/// <summary>One request as a real receiver got it.</summary>
public sealed record ReceivedWebhook(string EventId, string Type, string Signature, string Body, DateTimeOffset At);

/// <summary>
/// A real HTTP receiver (<see cref="HttpListener"/>) on a free 127.0.0.1 port. It can be down (nothing listens: the
/// connection is refused), answer 503, or hold requests unanswered until released (to stop a sender mid-request).
/// Receivers dedupe by event id: <see cref="Distinct"/> is what took effect.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly int _port = FreePort.Next();
    private HttpListener? _listener;
    private Task? _loop;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Url => $"http://127.0.0.1:{_port}/hooks/";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Answer 503 to everything (a receiver up but failing).</summary>
    public bool Failing { get; set; }

    /// <summary>Hold every request unanswered until <see cref="ReleaseHeld"/>.</summary>
    public bool Holding { get; set; }

    public int Held => _held;

    private int _held;

    public IReadOnlyDictionary<string, int> CountsByEventId => Received.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyList<ReceivedWebhook> Distinct => [.. Received.GroupBy(r => r.EventId).Select(g => g.First())];

    public void Start()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add(Url);
        _listener.Start();
        var listener = _listener;
        _loop = Task.Run(() => Loop(listener));
    }

    public async Task StopAsync()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            listener.Close();
            ReleaseHeld();
            if (_loop is not null)
            {
                await _loop;
            }
        }
    }

    public void ReleaseHeld()
    {
        _release.TrySetResult();
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task Loop(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private static ReceivedWebhook Record(HttpListenerContext context, string body) => new(
        context.Request.Headers["X-Queue-Event-Id"] ?? "", context.Request.Headers["X-Queue-Event-Type"] ?? "",
        context.Request.Headers["X-Queue-Signature"] ?? "", body, DateTimeOffset.UtcNow);

    private async Task Answer(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (Holding)
            {
                // Taken in (the receiver may have acted on it), but the answer never reaches the sender.
                Received.Enqueue(Record(context, body));
                Interlocked.Increment(ref _held);
                await _release.Task;
                context.Response.Abort();
                return;
            }

            if (Failing)
            {
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            }

            Received.Enqueue(Record(context, body));
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // the sender gave up on this request (its timeout, or its silo stopped)
        }
    }
}
