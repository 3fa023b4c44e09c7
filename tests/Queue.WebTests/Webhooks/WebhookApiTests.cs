using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Webhooks;
using Queue.WebTests.Http;

namespace Queue.WebTests.Webhooks;

/// <summary>The webhook endpoints through the real web host: the manager's round trip, every bad input, and the phone for notifications.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class WebhookApiTests(QueueWebFactory web)
{
    private const string Hooks = "/api/halls/binjiang/webhooks";
    private static readonly string[] Called = ["ticket.called"];

    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("add with no body", HttpStatusCode.BadRequest, "body-required", api => api.Post(Hooks))
        .Add("add with malformed JSON", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw(Hooks, """{"url":"""))
        .Add("add with a plain-text body", HttpStatusCode.UnsupportedMediaType, "http-415", api => api.PostRaw(Hooks, "url=x", "text/plain"))
        .Add("add without a URL", HttpStatusCode.UnprocessableEntity, "webhook-url", api => api.Post(Hooks, new { eventTypes = Called }))
        .Add("add with a relative URL", HttpStatusCode.UnprocessableEntity, "webhook-url", api => api.Post(Hooks, new { url = "/hook", eventTypes = Called }))
        .Add("add with an ftp URL", HttpStatusCode.UnprocessableEntity, "webhook-url", api => api.Post(Hooks, new { url = "ftp://sms.example/hook", eventTypes = Called }))
        .Add("add with a URL carrying a password", HttpStatusCode.UnprocessableEntity, "webhook-url", api => api.Post(Hooks, new { url = "https://u:p@sms.example/hook", eventTypes = Called }))
        .Add("add with a URL of 501 characters", HttpStatusCode.UnprocessableEntity, "webhook-url", api => api.Post(Hooks, new { url = "https://sms.example/" + new string('a', 481), eventTypes = Called }))
        .Add("add with a secret of 15 characters", HttpStatusCode.UnprocessableEntity, "webhook-secret", api => api.Post(Hooks, new { url = Url(), secret = new string('s', 15), eventTypes = Called }))
        .Add("add with a secret of 201 characters", HttpStatusCode.UnprocessableEntity, "webhook-secret", api => api.Post(Hooks, new { url = Url(), secret = new string('s', 201), eventTypes = Called }))
        .Add("add without event types", HttpStatusCode.UnprocessableEntity, "webhook-event-types", api => api.Post(Hooks, new { url = Url() }))
        .Add("add with an empty list of event types", HttpStatusCode.UnprocessableEntity, "webhook-event-types", api => api.Post(Hooks, new { url = Url(), eventTypes = Array.Empty<string>() }))
        .Add("add with an unknown event type", HttpStatusCode.UnprocessableEntity, "webhook-event-type", api => api.Post(Hooks, new { url = Url(), eventTypes = new[] { "ticket.called", "ticket.teleported" } }))
        .Add("add with the test type as a subscription", HttpStatusCode.UnprocessableEntity, "webhook-event-type", api => api.Post(Hooks, new { url = Url(), eventTypes = new[] { "webhook.test" } }))
        .Add("add with 0 people ahead for the near-turn notice", HttpStatusCode.UnprocessableEntity, "webhook-near-turn", api => api.Post(Hooks, new { url = Url(), eventTypes = Called, nearTurnAhead = 0 }))
        .Add("add with 21 people ahead for the near-turn notice", HttpStatusCode.UnprocessableEntity, "webhook-near-turn", api => api.Post(Hooks, new { url = Url(), eventTypes = Called, nearTurnAhead = 21 }))
        .Add("add a URL registered already", HttpStatusCode.Conflict, "webhook-exists", async api =>
        {
            var url = Url();
            await QueueApi.Checked<WebhookEndpoint>(api.Post(Hooks, new { url, eventTypes = Called }), HttpStatusCode.Created);
            return await api.Post(Hooks, new { url, eventTypes = Called });
        })
        .Add("add in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/webhooks", new { url = Url(), eventTypes = Called }))
        .Add("list in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/webhooks"))
        .Add("update an unknown webhook", HttpStatusCode.NotFound, "webhook-not-found", api => api.Put($"{Hooks}/w0000000000", new { url = Url(), eventTypes = Called }))
        .Add("update a malformed webhook id", HttpStatusCode.NotFound, "webhook-not-found", api => api.Put($"{Hooks}/{new string('x', 300)}", new { url = Url(), eventTypes = Called }))
        .Add("update with an unknown event type", HttpStatusCode.UnprocessableEntity, "webhook-event-type", async api =>
            await api.Put($"{Hooks}/{await NewId(api)}", new { url = Url(), eventTypes = new[] { "booking.teleported" } }))
        .Add("update with no body", HttpStatusCode.BadRequest, "body-required", async api => await api.PutRaw($"{Hooks}/{await NewId(api)}", ""))
        .Add("update to another webhook's URL", HttpStatusCode.Conflict, "webhook-exists", async api =>
        {
            var url = Url();
            await QueueApi.Checked<WebhookEndpoint>(api.Post(Hooks, new { url, eventTypes = Called }), HttpStatusCode.Created);
            return await api.Put($"{Hooks}/{await NewId(api)}", new { url, eventTypes = Called });
        })
        .Add("remove an unknown webhook", HttpStatusCode.NotFound, "webhook-not-found", api => api.Send(HttpMethod.Delete, $"{Hooks}/w0000000000"))
        .Add("remove a webhook twice", HttpStatusCode.NotFound, "webhook-not-found", async api =>
        {
            var id = await NewId(api);
            (await api.Send(HttpMethod.Delete, $"{Hooks}/{id}")).Dispose();
            return await api.Send(HttpMethod.Delete, $"{Hooks}/{id}");
        })
        .Add("test an unknown webhook", HttpStatusCode.NotFound, "webhook-not-found", api => api.Post($"{Hooks}/w0000000000/test"))
        .Add("deliveries of an unknown webhook", HttpStatusCode.NotFound, "webhook-not-found", api => api.Get($"{Hooks}/deliveries?webhookId=w0000000000"))
        .Add("deliveries with max 0", HttpStatusCode.BadRequest, "invalid-max", api => api.Get($"{Hooks}/deliveries?max=0"))
        .Add("deliveries in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/webhooks/deliveries"))
        .Add("issue with a phone for notifications but no consent", HttpStatusCode.UnprocessableEntity, "notify-consent",
            api => api.Post("/api/halls/binjiang/themes/BDC/tickets", new { notifyPhone = "13812345678" }))
        .Add("issue with a malformed phone for notifications", HttpStatusCode.BadRequest, "invalid-phone",
            api => api.Post("/api/halls/binjiang/themes/BDC/tickets", new { notifyPhone = "12345", notifyConsent = true }));

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task WebhookEndpointsRefuseBadInputWithAProblem(string name) => Problem.AssertRefused(Table[name], new QueueApi(web.CreateClient()));

    [Fact]
    public async Task AManagerRegistersListsChangesTestsAndRemovesAWebhook()
    {
        var api = new QueueApi(web.CreateClient());
        var url = Url();
        var added = await QueueApi.Checked<WebhookEndpoint>(
            api.Post(Hooks, new { url, eventTypes = new[] { "ticket.near_turn", "ticket.called" } }), HttpStatusCode.Created);
        Assert.True(added.Secret.Length >= WebhookEndpoint.MinSecretLength);
        Assert.Equal(["ticket.near_turn", "ticket.called"], added.EventTypes.ToArray()); // in the catalogue's order
        Assert.Equal((true, 3), (added.Enabled, added.NearTurnAhead));

        var listed = Assert.Single(await QueueApi.Checked<List<WebhookEndpoint>>(api.Get(Hooks), HttpStatusCode.OK), e => e.EndpointId == added.EndpointId);
        Assert.Equal("…" + added.Secret[^4..], listed.Secret);

        var changed = await QueueApi.Checked<WebhookEndpoint>(
            api.Put($"{Hooks}/{added.EndpointId}", new { url, eventTypes = new[] { "ticket.called" }, enabled = false, nearTurnAhead = 5 }), HttpStatusCode.OK);
        Assert.Equal((false, 5), (changed.Enabled, changed.NearTurnAhead));
        Assert.Equal("…" + added.Secret[^4..], changed.Secret);

        var test = await QueueApi.Checked<WebhookDelivery>(api.Post($"{Hooks}/{added.EndpointId}/test"), HttpStatusCode.Accepted);
        Assert.Equal((WebhookEventTypes.Test, WebhookDeliveryStatus.Pending), (test.Type, test.Status));
        var log = await QueueApi.Checked<List<WebhookDelivery>>(api.Get($"{Hooks}/deliveries?webhookId={added.EndpointId}"), HttpStatusCode.OK);
        Assert.Contains(log, d => d.EventId == test.EventId);

        using (var removed = await api.Send(HttpMethod.Delete, $"{Hooks}/{added.EndpointId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.DoesNotContain(await QueueApi.Checked<List<WebhookEndpoint>>(api.Get(Hooks), HttpStatusCode.OK), e => e.EndpointId == added.EndpointId);
    }

    [Fact]
    public async Task APhoneForNotificationsIsKeptSealedAndNeverJournaledOrLoggedInClear()
    {
        const string Phone = "13987654321";
        var api = new QueueApi(web.CreateClient());
        var ticket = await QueueApi.Checked<Contracts.Snapshots.TicketSnapshot>(
            api.Post("/api/halls/binjiang/themes/BDC/tickets", new { notifyPhone = "+86 139-8765-4321", notifyConsent = true, requestId = Guid.NewGuid().ToString("N") }),
            HttpStatusCode.Created);

        var grains = web.Services.GetRequiredService<IGrainFactory>();
        var sealedPhone = await grains.GetGrain<IHallContactsGrain>("binjiang").FindAsync(ticket.TicketId);
        Assert.StartsWith("g1:", sealedPhone);
        Assert.DoesNotContain(Phone, sealedPhone, StringComparison.Ordinal);

        var events = await grains.GetGrain<IHallGrain>("binjiang").GetEventsAsync(0, 1_000_000);
        Assert.Contains(events, e => e.TicketId == ticket.TicketId);
        Assert.DoesNotContain(Phone, JsonSerializer.Serialize(events, QueueJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain(web.Logs.Entries, e => e.Message.Contains(Phone, StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(web.DataPath)!))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.False(Contains(copy.ToArray(), Encoding.ASCII.GetBytes(Phone)), $"{Path.GetFileName(file)} holds the phone in clear");
        }
    }

    [Fact]
    public async Task ACalledTicketWhoseHolderGaveAPhoneReachesARealReceiverSignedWithThatPhone()
    {
        const string secret = "web-test-secret-0123456789";
        await using var receiver = new WebhookReceiver();
        receiver.Start();
        var api = new QueueApi(web.CreateClient());
        var hall = await api.NewHall();
        await QueueApi.Checked<WebhookEndpoint>(
            api.Post($"/api/halls/{hall}/webhooks", new { url = receiver.Url, secret, eventTypes = new[] { "ticket.called" } }), HttpStatusCode.Created);
        var ticket = await QueueApi.Checked<Contracts.Snapshots.TicketSnapshot>(
            api.Post($"/api/halls/{hall}/themes/AA/tickets", new { channel = "Kiosk", notifyPhone = "137 0000 1111", notifyConsent = true }), HttpStatusCode.Created);
        await api.SignIn(hall, 1);
        await api.Window(hall, 1, "call-next");

        await Eventually.Until(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(60), "the called notice arrives");
        var received = Assert.Single(receiver.Distinct);
        Assert.Equal("ticket.called", received.Type);
        Assert.True(Engine.Webhooks.WebhookSignature.Verify(secret, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(ticket.DisplayNumber, body.RootElement.GetProperty("ticket").GetProperty("number").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("ticket").GetProperty("window").GetInt32());
        Assert.Equal("13700001111", body.RootElement.GetProperty("citizen").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task TheFirstNoticesOfATicketCarryThePhoneGivenWithIt()
    {
        const string secret = "web-test-secret-first-notice";
        await using var receiver = new WebhookReceiver();
        receiver.Start();
        var api = new QueueApi(web.CreateClient());
        var hall = await api.NewHall();
        await QueueApi.Checked<WebhookEndpoint>(
            api.Post($"/api/halls/{hall}/webhooks", new { url = receiver.Url, secret, eventTypes = new[] { "ticket.issued", "ticket.near_turn" }, nearTurnAhead = 3 }),
            HttpStatusCode.Created);

        // Issued into an empty line: its ticket.issued and its near-turn notice are planned from the very first journal
        // event of the ticket, with no wait; the phone was stored before that event existed.
        var ticket = await QueueApi.Checked<Contracts.Snapshots.TicketSnapshot>(
            api.Post($"/api/halls/{hall}/themes/AA/tickets", new { channel = "Kiosk", notifyPhone = "136 1234 5678", notifyConsent = true }), HttpStatusCode.Created);

        await Eventually.Until(() => receiver.Distinct.Count >= 2, TimeSpan.FromSeconds(60), "the issued and near-turn notices arrive");
        Assert.Equal(["ticket.issued", "ticket.near_turn"], receiver.Distinct.Select(r => r.Type).Order());
        foreach (var received in receiver.Distinct)
        {
            Assert.True(Engine.Webhooks.WebhookSignature.Verify(secret, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
            using var body = JsonDocument.Parse(received.Body);
            Assert.Equal(ticket.DisplayNumber, body.RootElement.GetProperty("ticket").GetProperty("number").GetString());
            Assert.Equal("13612345678", body.RootElement.GetProperty("citizen").GetProperty("phone").GetString());
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static string Url() => $"https://sms.example/{Guid.NewGuid():N}";

    private static async Task<string> NewId(QueueApi api) =>
        (await QueueApi.Checked<WebhookEndpoint>(api.Post(Hooks, new { url = Url(), eventTypes = Called }), HttpStatusCode.Created)).EndpointId;
}
