using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.WebTests.Http;

/// <summary>
/// What the configuration page and the manager's "act on advice" buttons stand on: the validate-only endpoint gives the
/// validator's own refusals and saves nothing; saves carry the version (ETag / If-Match) so the second of two editors
/// gets 409; a save is journaled with who and what; an SLA alert's move is applied (the window takes the theme first)
/// and undone; and bad input to every new endpoint is a zh/en ProblemDetails.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class ConfigEditTests(QueueWebFactory web)
{
    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("validate with no body", HttpStatusCode.BadRequest, "body-required", api => api.Post("/api/halls/binjiang/config/validate"))
        .Add("validate malformed JSON", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw("/api/halls/binjiang/config/validate", """{"hallId":"binjiang",}x"""))
        .Add("validate a time that is not one", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw("/api/halls/binjiang/config/validate", """{"hallId":"binjiang","opens":"25:99"}"""))
        .Add("validate a malformed hall id", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/No_Hall!/config/validate", new { hallId = "x" }))
        .Add("validate another hall's id in the body", HttpStatusCode.UnprocessableEntity, "hall-id-mismatch", api =>
            api.Post("/api/halls/binjiang/config/validate", TestHalls.Small("other", ["AA"], WindowProfile.Dedicated("AA"))))
        .Add("apply the move of an alert that is not in force", HttpStatusCode.NotFound, "alert-not-found", async api =>
            await api.Post($"/api/halls/{await api.NewHall()}/alerts/AA/apply"))
        .Add("apply an alert of a malformed theme code", HttpStatusCode.NotFound, "theme-not-found", api => api.Post("/api/halls/binjiang/alerts/no_such!/apply"))
        .Add("apply an alert in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/alerts/AA/apply"))
        .Add("undo at a window with no applied move", HttpStatusCode.Conflict, "nothing-to-undo", async api =>
            await api.Post($"/api/halls/{await api.NewHall()}/windows/1/undo-move"))
        .Add("undo at window 0", HttpStatusCode.NotFound, "window-not-found", api => api.Post("/api/halls/binjiang/windows/0/undo-move"))
        .Add("undo at a window the hall does not have", HttpStatusCode.NotFound, "window-not-found", api => api.Post("/api/halls/binjiang/windows/9999/undo-move"))
        .Add("undo in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/windows/1/undo-move"))
        .Add("holidays of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/holidays"));

    private const string Administrator = "admin";

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task BadInputIsRefusedInBothLanguages(string name) => Problem.AssertRefused(Table[name], new QueueApi(web.CreateClient()));

    [Fact]
    public async Task AnIfMatchThatIsNoVersionIsRefusedInBothLanguages()
    {
        using var client = web.CreateClient();
        var api = new QueueApi(client);
        var hallId = await api.NewHall();
        await Problem.AssertRefused(
            new BadInput("save with an If-Match that is no version", HttpStatusCode.BadRequest, "config-version-format",
                async _ => await PutWithVersion(client, hallId, await Read(api, hallId), "\"etag-from-elsewhere\"")),
            api);
    }

    [Fact]
    public async Task TheValidateEndpointGivesTheValidatorsRefusalsAndSavesNothing()
    {
        var api = new QueueApi(web.CreateClient());
        var hallId = await api.NewHall();
        var config = await Read(api, hallId);
        var bad = config with { Themes = [config.Themes[0] with { Prefix = "a1" }, config.Themes[1]] };
        var expected = Refusals.ThemePrefix("AA");

        using var refused = await api.Post($"/api/halls/{hallId}/config/validate", bad);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(("theme-prefix", expected.MessageZh, expected.MessageEn), (
            problem.RootElement.GetProperty("code").GetString(),
            problem.RootElement.GetProperty("messageZh").GetString(),
            problem.RootElement.GetProperty("messageEn").GetString()));
        var good = config with { Themes = [config.Themes[0] with { Name = "改过的名字" }, config.Themes[1]] };
        Assert.Equal("改过的名字", (await QueueApi.Checked<HallConfig>(api.Post($"/api/halls/{hallId}/config/validate", good), HttpStatusCode.OK)).Themes[0].Name);
        Assert.Equal("AA事项", (await Read(api, hallId)).Themes[0].Name);
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsGetsAConflictAndTheSaveIsJournaledWithWhoAndWhat()
    {
        using var client = web.CreateClient();
        var api = new QueueApi(client);
        var hallId = await api.NewHall();
        using var first = await api.Get($"/api/halls/{hallId}");
        var version = first.Headers.ETag!.Tag;
        Assert.Equal("\"v1\"", version);
        var config = (await first.Content.ReadFromJsonAsync<HallConfig>(QueueJson.Options))!;

        var added = config with { Themes = [.. config.Themes, new ThemeConfig("CC", "新事项", "New matter", "C", "z")] };
        using var saved = await PutWithVersion(client, hallId, added, version);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"v2\"", saved.Headers.ETag!.Tag);

        using var second = await PutWithVersion(client, hallId, config with { Name = "另一位的修改" }, version);
        using var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Conflict, "config-version"), (second.StatusCode, problem.RootElement.GetProperty("code").GetString()));
        Assert.Contains("他人", problem.RootElement.GetProperty("messageZh").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await Read(api, hallId)).Themes.Length);

        var events = await QueueApi.Checked<List<HallEvent>>(api.Get($"/api/halls/{hallId}/events?after=0&max=1000"), HttpStatusCode.OK);
        var change = events.Last(e => e.Kind == HallEventKind.HallConfigured);
        Assert.Equal((Administrator, 2), (change.ActorId, change.ConfigVersion));
        Assert.Contains("+CC", change.Summary, StringComparison.Ordinal);
        Assert.Contains("主题", change.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlertsMoveIsAppliedToItsWindowJournaledWithWhoAndUndone()
    {
        var api = new QueueApi(web.CreateClient());
        var hallId = await api.NewHall(); // window 1: AA (open), window 2: BB (closed)
        await api.SignIn(hallId, 1);
        await api.Issue(hallId, "BB");

        var alert = await AlertWithMove(api, hallId, "BB");
        Assert.Equal(1, alert.SuggestedWindowNo);
        var moved = await QueueApi.Checked<WindowSnapshot>(api.Post($"/api/halls/{hallId}/alerts/BB/apply"), HttpStatusCode.OK);
        Assert.Equal(["BB", "AA"], moved.Profile.Themes.ToArray());
        Assert.Equal(["AA"], moved.UndoProfile!.Themes.ToArray());

        var events = await QueueApi.Checked<List<HallEvent>>(api.Get($"/api/halls/{hallId}/events?after=0&max=1000"), HttpStatusCode.OK);
        var applied = events.Last(e => e.Kind == HallEventKind.WindowProfileChanged);
        Assert.Equal((1, Administrator), (applied.WindowNo, applied.ActorId));
        Assert.Contains("SLA", applied.Summary, StringComparison.Ordinal);

        var undone = await QueueApi.Checked<WindowSnapshot>(api.Post($"/api/halls/{hallId}/windows/1/undo-move"), HttpStatusCode.OK);
        Assert.Equal(WindowProfileKind.Dedicated, undone.Profile.Kind);
        Assert.Equal(["AA"], undone.Profile.Themes.ToArray());
        Assert.Null(undone.UndoProfile);
        using var again = await api.Post($"/api/halls/{hallId}/windows/1/undo-move");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    /// <summary>The guardian's alert for <paramref name="theme"/> once it names a window (it evaluates every few seconds).</summary>
    private static async Task<SlaAlert> AlertWithMove(QueueApi api, string hallId, string theme)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var alerts = await QueueApi.Checked<List<SlaAlert>>(api.Get($"/api/halls/{hallId}/alerts"), HttpStatusCode.OK);
            if (alerts.FirstOrDefault(a => a.ThemeCode == theme && a.SuggestedWindowNo is not null) is { } alert)
            {
                return alert;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no alert with a move for {theme}: {JsonSerializer.Serialize(alerts, QueueJson.Options)}");
            await Task.Delay(500);
        }
    }

    private static Task<HallConfig> Read(QueueApi api, string hallId) => QueueApi.Checked<HallConfig>(api.Get($"/api/halls/{hallId}"), HttpStatusCode.OK);

    private static Task<HttpResponseMessage> PutWithVersion(HttpClient client, string hallId, HallConfig config, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/halls/{hallId}", UriKind.Relative))
        {
            Content = JsonContent.Create(config, options: QueueJson.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
