using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.WebTests.Http;

namespace Queue.WebTests.Security;

/// <summary>
/// Two fresh halls and one caller of each kind, made through the API as an administrator would: hall A with its
/// staff, manager, kiosk and board; hall B with its manager (the "other hall"). Also a waiting ticket of hall A,
/// with its key, a spare device and a spare staff account that the matrix may revoke, reset and disable.
/// </summary>
public sealed class SecurityWorld
{
    private readonly Dictionary<Callers, string?> _tokens = [];

    private SecurityWorld(QueueWebFactory factory, string hallA, string hallB)
    {
        Factory = factory;
        HallA = hallA;
        HallB = hallB;
    }

    public QueueWebFactory Factory { get; }

    public string HallA { get; }

    public string HallB { get; }

    public TicketSnapshot Ticket { get; private set; } = null!;

    /// <summary>A booking of hall A's next AA slot, with its key.</summary>
    public Contracts.Booking.BookingView Booking { get; private set; } = null!;

    public string SpareDeviceId { get; private set; } = "";

    public string SpareWebhookId { get; private set; } = "";

    public string SpareUser { get; } = "spare-" + Guid.NewGuid().ToString("N")[..8];

    public string SparePassword { get; } = "spare-password-" + Guid.NewGuid().ToString("N")[..8];

    public static IReadOnlyList<Callers> All { get; } = Enum.GetValues<Callers>();

    public string? Token(Callers caller) => _tokens[caller];

    public HttpClient Client(Callers caller) => Factory.WithToken(Token(caller));

    public static async Task<SecurityWorld> CreateAsync(QueueWebFactory factory)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var world = new SecurityWorld(factory, "sec-a-" + suffix, "sec-b-" + suffix);
        using var admin = factory.CreateClient();
        foreach (var hall in new[] { world.HallA, world.HallB })
        {
            await Send(admin.PutAsJsonAsync($"/api/halls/{hall}",
                TestHalls.Small(hall, ["AA", "BB"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB")), QueueJson.Options));
        }

        world._tokens[Callers.Anonymous] = null;
        // Its own administrator: the matrix signs every caller out at the end, and the fixture's must stay signed in.
        world._tokens[Callers.Administrator] = await world.PersonAsync(admin, "root-" + suffix, "Administrator", null);
        world._tokens[Callers.Staff] = await world.PersonAsync(admin, "staff-" + suffix, "Staff", world.HallA);
        world._tokens[Callers.Manager] = await world.PersonAsync(admin, "manager-" + suffix, "Manager", world.HallA);
        world._tokens[Callers.OtherManager] = await world.PersonAsync(admin, "other-" + suffix, "Manager", world.HallB);
        world._tokens[Callers.Kiosk] = (await world.DeviceAsync(admin, "Kiosk")).GetProperty("token").GetString();
        world._tokens[Callers.Board] = (await world.DeviceAsync(admin, "Board")).GetProperty("token").GetString();
        world.SpareDeviceId = (await world.DeviceAsync(admin, "Board")).GetProperty("device").GetProperty("deviceId").GetString()!;
        using (var webhook = JsonDocument.Parse(await Send(admin.PostAsJsonAsync(
            $"/api/halls/{world.HallA}/webhooks", new { url = "https://sms.example/spare", eventTypes = new[] { "ticket.called" } }))))
        {
            world.SpareWebhookId = webhook.RootElement.GetProperty("endpointId").GetString()!;
        }

        await Send(admin.PostAsJsonAsync("/api/accounts",
            new { userName = world.SpareUser, displayName = "备用", role = "Staff", hallId = world.HallA, password = world.SparePassword }));
        world.Ticket = await world.IssueAsync(admin);
        var api = new QueueApi(admin);
        world.Booking = await api.Booked(world.HallA, (await api.Slots(world.HallA))[0].Start, "13600136000");
        return world;
    }

    public async Task<TicketSnapshot> IssueAsync(HttpClient client)
    {
        var response = await Send(client.PostAsJsonAsync($"/api/halls/{HallA}/themes/AA/tickets", new { }));
        return JsonSerializer.Deserialize<TicketSnapshot>(response, QueueJson.Options)!;
    }

    private async Task<string> PersonAsync(HttpClient admin, string userName, string role, string? hallId)
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await Send(admin.PostAsJsonAsync("/api/accounts", new { userName, displayName = "测试" + role, role, hallId, password }));
        return await Factory.SignInAsync(userName, password);
    }

    private async Task<JsonElement> DeviceAsync(HttpClient admin, string kind)
    {
        var text = await Send(admin.PostAsJsonAsync($"/api/halls/{HallA}/devices", new { kind, name = kind + " test" }));
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<string> Send(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }
}
