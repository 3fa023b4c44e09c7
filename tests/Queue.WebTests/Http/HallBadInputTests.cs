using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.WebTests.Http;

/// <summary>Bad input to the hall endpoints, above all invalid configurations PUT to a fresh hall id.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class HallBadInputTests(QueueWebFactory web)
{
    public static BadInputTable Table { get; } = new BadInputTable()
        // configurations the validator refuses
        .Add("configure a hall with a duplicate ticket prefix", HttpStatusCode.UnprocessableEntity, "prefix-duplicate", api => Configure(api, hall => hall with
        {
            Themes = [.. hall.Themes.Select(t => t with { Prefix = "A" })],
        }))
        .Add("configure a theme in an unknown zone", HttpStatusCode.UnprocessableEntity, "theme-zone", api => Configure(api, hall => hall with
        {
            Themes = [hall.Themes[0] with { ZoneId = "nowhere" }, hall.Themes[1]],
        }))
        .Add("configure a window in an unknown zone", HttpStatusCode.UnprocessableEntity, "window-zone", api => Configure(api, hall => hall with
        {
            Windows = [hall.Windows[0] with { ZoneId = "nowhere" }],
        }))
        .Add("configure a dedicated window with two themes", HttpStatusCode.UnprocessableEntity, "window-profile", api => Configure(api, hall => hall with
        {
            Windows = [hall.Windows[0] with { Profile = new WindowProfile(WindowProfileKind.Dedicated, ["AA", "BB"]) }],
        }))
        .Add("configure a window serving an unknown theme", HttpStatusCode.UnprocessableEntity, "window-theme", api => Configure(api, hall => hall with
        {
            Windows = [hall.Windows[0] with { Profile = WindowProfile.Dedicated("ZZ") }],
        }))
        .Add("configure an unknown time zone", HttpStatusCode.UnprocessableEntity, "time-zone", api => Configure(api, hall => hall with { TimeZone = "Mars/Olympus_Mons" }))
        .Add("configure an empty time zone", HttpStatusCode.UnprocessableEntity, "time-zone", api => Configure(api, hall => hall with { TimeZone = "" }))
        .Add("configure a time zone that is a file path", HttpStatusCode.UnprocessableEntity, "time-zone", api => Configure(api, hall => hall with { TimeZone = "../../../etc/passwd" }))
        .Add("configure a hall whose body names another hall", HttpStatusCode.UnprocessableEntity, "hall-id-mismatch", api =>
            api.Put($"/api/halls/{QueueApi.NewHallId()}", Small(QueueApi.NewHallId())))
        .Add("configure a malformed hall id", HttpStatusCode.UnprocessableEntity, "hall-id", api => api.Put("/api/halls/Bad_Hall", Small("Bad_Hall")))
        .Add("configure closing before opening", HttpStatusCode.UnprocessableEntity, "hours", api => Configure(api, hall => hall with
        {
            Opens = new TimeOnly(18, 0),
            Closes = new TimeOnly(9, 0),
        }))
        .Add("configure overlapping calendar periods", HttpStatusCode.UnprocessableEntity, "calendar-overlap", api => Configure(api, hall => hall with
        {
            Calendar = HallCalendar.Weekly([Period(DayOfWeek.Monday, 8, 30, 12, 0), Period(DayOfWeek.Monday, 11, 30, 17, 0)]),
        }))
        .Add("configure a calendar period that ends before it starts", HttpStatusCode.UnprocessableEntity, "calendar-period", api => Configure(api, hall => hall with
        {
            Calendar = HallCalendar.Weekly([Period(DayOfWeek.Monday, 17, 0, 8, 30)]),
        }))
        .Add("configure a calendar for an unknown zone", HttpStatusCode.UnprocessableEntity, "calendar-zone", api => Configure(api, hall => hall with
        {
            Calendar = new HallCalendar([], [new ZoneCalendar("nowhere", [Period(DayOfWeek.Monday, 0, 0, 0, 0)])], [], []),
        }))
        .Add("configure a closed date twice", HttpStatusCode.UnprocessableEntity, "calendar-date", api => Configure(api, hall => hall with
        {
            Calendar = new HallCalendar([], [], [new ClosedDate(new DateOnly(2026, 5, 1)), new ClosedDate(new DateOnly(2026, 5, 1))], []),
        }))
        .Add("configure a make-up day in the year 1900", HttpStatusCode.UnprocessableEntity, "calendar-date", api => Configure(api, hall => hall with
        {
            Calendar = new HallCalendar([], [], [], [new WorkingDate(new DateOnly(1900, 1, 7), DayOfWeek.Monday)]),
        }))
        .Add("configure a negative issue cut-off", HttpStatusCode.UnprocessableEntity, "theme-cutoff", api => Configure(api, hall => hall with
        {
            Themes = [hall.Themes[0] with { IssueCutoffMinutes = -5 }, hall.Themes[1]],
        }))
        .Add("configure a calendar date of 2026-13-40", HttpStatusCode.BadRequest, "malformed-json", api => ConfigureJson(api, json =>
            json["calendar"] = JsonNode.Parse("""{"week":[],"closed":[{"date":"2026-13-40"}]}""")))
        .Add("configure a calendar period on the day Funday", HttpStatusCode.BadRequest, "malformed-json", api => ConfigureJson(api, json =>
            json["calendar"] = JsonNode.Parse("""{"week":[{"day":"Funday","opens":"08:30","closes":"12:00"}]}""")))
        .Add("configure a hall without windows", HttpStatusCode.UnprocessableEntity, "windows", api => Configure(api, hall => hall with { Windows = [] }))
        .Add("configure a duplicate window number", HttpStatusCode.UnprocessableEntity, "window-duplicate", api => Configure(api, hall => hall with
        {
            Windows = [hall.Windows[0], hall.Windows[1] with { WindowNo = 1 }],
        }))
        .Add("configure a lowercase theme code", HttpStatusCode.UnprocessableEntity, "theme-code", api => Configure(api, hall => hall with
        {
            Themes = [hall.Themes[0] with { Code = "aa" }, hall.Themes[1]],
            Windows = [hall.Windows[1]],
        }))
        .Add("configure a theme without a code", HttpStatusCode.UnprocessableEntity, "theme-code", api => ConfigureJson(api, json =>
            json["themes"]![1]!.AsObject().Remove("code")))
        .Add("configure 501 windows", HttpStatusCode.UnprocessableEntity, "windows", api => Configure(api, hall => hall with
        {
            Windows = [.. Enumerable.Range(1, 501).Select(n => hall.Windows[0] with { WindowNo = n })],
        }))
        .Add("configure more recalls before a no-show than the policy allows", HttpStatusCode.UnprocessableEntity, "policy", api => Configure(api, hall => hall with
        {
            Policy = hall.Policy with { RecallsBeforeNoShow = 11 },
        }))
        .Add("configure a window without a profile", HttpStatusCode.UnprocessableEntity, "window-profile", api => ConfigureJson(api, json =>
            json["windows"]![0]!.AsObject().Remove("profile")))
        .Add("configure a null theme", HttpStatusCode.UnprocessableEntity, "theme-code", api => ConfigureJson(api, json => json["themes"]![0] = null))
        .Add("configure a null window", HttpStatusCode.UnprocessableEntity, "window-no", api => ConfigureJson(api, json => json["windows"]![0] = null))
        .Add("configure a null zone", HttpStatusCode.UnprocessableEntity, "zone", api => ConfigureJson(api, json => json["zones"]![0] = null))

        // unreadable bodies
        .Add("configure with malformed JSON", HttpStatusCode.BadRequest, "malformed-json", api => api.PutRaw($"/api/halls/{QueueApi.NewHallId()}", """{"hallId":"""))
        .Add("configure with an empty body", HttpStatusCode.BadRequest, "body-required", api => api.PutRaw($"/api/halls/{QueueApi.NewHallId()}", ""))
        .Add("configure with a number for hallId", HttpStatusCode.BadRequest, "malformed-json", api => api.PutRaw($"/api/halls/{QueueApi.NewHallId()}", """{"hallId":5}"""))
        .Add("configure an opening time of 25:99", HttpStatusCode.BadRequest, "malformed-json", api => ConfigureJson(api, json => json["opens"] = "25:99"))
        .Add("configure the undefined window kind Vip", HttpStatusCode.BadRequest, "malformed-json", api => ConfigureJson(api, json => json["windows"]![0]!["profile"]!["kind"] = "Vip"))

        // reads of halls that do not exist
        .Add("read the configuration of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall"))
        .Add("read the configuration of a malformed hall id", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/No_Hall!"))
        .Add("read the snapshot of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/snapshot"))
        .Add("read the snapshot of a malformed hall id", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/No_Hall!/snapshot"))
        .Add("read the opening of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/opening"))
        .Add("read the events of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/events"))
        .Add("read events with a page size beyond int", HttpStatusCode.BadRequest, "invalid-max", api => api.Get("/api/halls/binjiang/events?max=99999999999"))
        .Add("read events with a page size of 0", HttpStatusCode.BadRequest, "invalid-max", api => api.Get("/api/halls/binjiang/events?max=0"))
        .Add("read events after a negative sequence", HttpStatusCode.BadRequest, "invalid-after", api => api.Get("/api/halls/binjiang/events?after=-5"))
        .Add("read events after a sequence that is not a number", HttpStatusCode.BadRequest, "invalid-after", api => api.Get("/api/halls/binjiang/events?after=abc"))
        .Add("read memory with gc=yes", HttpStatusCode.BadRequest, "invalid-gc", api => api.Get("/api/system/memory?gc=yes"))
        .Add("close the day of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/close-day"))

        // the HTTP surface itself
        .Add("request an address that does not exist", HttpStatusCode.NotFound, "http-404", api => api.Get("/api/nothing-here"))
        .Add("delete a hall, which is not supported", HttpStatusCode.MethodNotAllowed, "http-405", api => api.Send(HttpMethod.Delete, "/api/halls/binjiang"));

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task HallEndpointsRefuseBadInputWithAProblem(string name) => Problem.AssertRefused(Table[name], new QueueApi(web.CreateClient()));

    private static OpeningPeriod Period(DayOfWeek day, int openHour, int openMinute, int closeHour, int closeMinute) =>
        new(day, new TimeOnly(openHour, openMinute), new TimeOnly(closeHour, closeMinute));

    private static HallConfig Small(string hallId) =>
        TestHalls.Small(hallId, QueueApi.Themes, WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB"));

    /// <summary>PUTs a fresh hall id with a valid small configuration changed by <paramref name="change"/>.</summary>
    private static Task<HttpResponseMessage> Configure(QueueApi api, Func<HallConfig, HallConfig> change)
    {
        var hallId = QueueApi.NewHallId();
        return api.Put($"/api/halls/{hallId}", change(Small(hallId)));
    }

    /// <summary>PUTs a fresh hall id with a valid small configuration edited as JSON (for shapes the record cannot hold).</summary>
    private static Task<HttpResponseMessage> ConfigureJson(QueueApi api, Action<JsonObject> change)
    {
        var hallId = QueueApi.NewHallId();
        var json = JsonSerializer.SerializeToNode(Small(hallId), QueueJson.Options)!.AsObject();
        change(json);
        return api.PutRaw($"/api/halls/{hallId}", json.ToJsonString());
    }
}
