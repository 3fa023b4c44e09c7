using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.WebTests.Http;

/// <summary>
/// The HTTP API as a test drives it: raw requests for the bad-input matrix, and checked steps (which fail the
/// test with the server's answer) to bring a fresh hall, window and ticket into the state a case needs.
/// </summary>
public sealed class QueueApi(HttpClient client)
{
    private static int _halls;

    /// <summary>The two themes and three windows of every fresh hall: windows 1 and 3 serve AA, window 2 serves BB.</summary>
    public static readonly string[] Themes = ["AA", "BB"];

    public Task<HttpResponseMessage> Get(string path) => client.GetAsync(Relative(path));

    public Task<HttpResponseMessage> Post(string path) => client.PostAsync(Relative(path), content: null);

    public Task<HttpResponseMessage> Post(string path, object body) => client.PostAsJsonAsync(Relative(path), body, QueueJson.Options);

    public Task<HttpResponseMessage> PostRaw(string path, string text, string mediaType = "application/json") =>
        client.PostAsync(Relative(path), new StringContent(text, Encoding.UTF8, mediaType));

    public Task<HttpResponseMessage> Put(string path, object body) => client.PutAsJsonAsync(Relative(path), body, QueueJson.Options);

    public Task<HttpResponseMessage> PutRaw(string path, string text, string mediaType = "application/json") =>
        client.PutAsync(Relative(path), new StringContent(text, Encoding.UTF8, mediaType));

    public Task<HttpResponseMessage> Patch(string path, object body) => client.PatchAsJsonAsync(Relative(path), body, QueueJson.Options);

    public Task<HttpResponseMessage> PatchRaw(string path, string text, string mediaType = "application/json") =>
        client.PatchAsync(Relative(path), new StringContent(text, Encoding.UTF8, mediaType));

    public Task<HttpResponseMessage> Send(HttpMethod method, string path) => client.SendAsync(new HttpRequestMessage(method, Relative(path)));

    /// <summary>A hall id no other test uses.</summary>
    public static string NewHallId() => $"http-{Interlocked.Increment(ref _halls)}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>PUTs a fresh small hall: themes AA and BB; window 1 and 3 dedicated to AA, window 2 to BB.</summary>
    public async Task<string> NewHall()
    {
        var hallId = NewHallId();
        var config = TestHalls.Small(hallId, Themes, WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB"), WindowProfile.Dedicated("AA"));
        await Checked<JsonElement>(Put($"/api/halls/{hallId}", config), HttpStatusCode.OK);
        return hallId;
    }

    public Task<TicketSnapshot> Issue(string hallId, string theme = "AA") =>
        Checked<TicketSnapshot>(Post($"/api/halls/{hallId}/themes/{theme}/tickets", new { channel = "Kiosk", priority = "Normal" }), HttpStatusCode.Created);

    public Task<TicketSnapshot> Ticket(string ticketId, string action) =>
        Checked<TicketSnapshot>(Post($"/api/tickets/{ticketId}/{action}"), HttpStatusCode.OK);

    public Task<WindowSnapshot> Window(string hallId, int windowNo, string action) =>
        Checked<WindowSnapshot>(Post($"/api/halls/{hallId}/windows/{windowNo}/{action}"), HttpStatusCode.OK);

    public Task<WindowSnapshot> Window(string hallId, int windowNo, string action, object body) =>
        Checked<WindowSnapshot>(Post($"/api/halls/{hallId}/windows/{windowNo}/{action}", body), HttpStatusCode.OK);

    public Task<WindowSnapshot> SignIn(string hallId, int windowNo, string staffId = "s-001") =>
        Window(hallId, windowNo, "sign-in", new { staffId, staffName = "李四" });

    /// <summary>A fresh hall whose window 1 is signed in and holds a new AA ticket in the given stage.</summary>
    public async Task<(string HallId, TicketSnapshot Ticket)> TicketAtWindow(TicketStatus stage)
    {
        var hallId = await NewHall();
        var ticket = await Issue(hallId);
        await SignIn(hallId, 1);
        if (stage == TicketStatus.Waiting)
        {
            return (hallId, ticket);
        }

        var called = await Window(hallId, 1, "call-next");
        Assert.Equal(ticket.TicketId, called.Current?.TicketId);
        switch (stage)
        {
            case TicketStatus.Called:
                break;
            case TicketStatus.Serving:
                await Window(hallId, 1, "start");
                break;
            case TicketStatus.Completed:
                await Window(hallId, 1, "start");
                await Window(hallId, 1, "complete", new { outcome = "Done" });
                break;
            case TicketStatus.NoShow:
                await NoShow(hallId, 1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a stage this helper builds");
        }

        return (hallId, ticket);
    }

    /// <summary>Recalls the window's called ticket as often as the policy requires, then marks it a no-show.</summary>
    public async Task NoShow(string hallId, int windowNo)
    {
        await Window(hallId, windowNo, "recall");
        await Window(hallId, windowNo, "recall");
        await Window(hallId, windowNo, "no-show");
    }

    public static async Task<T> Checked<T>(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, QueueJson.Options) ?? throw new InvalidDataException($"empty answer: {body}");
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);
}
