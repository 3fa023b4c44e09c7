using System.Net;
using System.Text.Json;
using Queue.Contracts.Model;
using Queue.Dashboard.Api;
using Queue.TestSupport;

namespace Queue.WebTests.Http;

/// <summary>POST /api/halls/{hallId}/booking/check: the day's booking capacities checked by simulation, and its refusals.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class BookingCheckTests(QueueWebFactory web)
{
    private readonly QueueApi _api = new(web.CreateClient());

    [Fact]
    public async Task ATooGenerousFixedCapacityMissesTheGoalAndALowerOneIsSuggested()
    {
        var hallId = await _api.NewHall();
        var date = await FirstBookableDay(hallId);
        await QueueApi.Checked<JsonElement>(_api.Put($"/api/halls/{hallId}/booking/settings", new { themes = new[] { new { themeCode = "AA", capacity = 60 } } }), HttpStatusCode.OK);

        var check = await QueueApi.Checked<BookingCheckResult>(_api.Post($"/api/halls/{hallId}/booking/check?date={date}&replications=2&seed=5"), HttpStatusCode.OK);

        Assert.Equal((hallId, 2, 5, 0.95, false), (check.HallId, check.Replications, check.Seed, check.Goal, check.CapacityMeets));
        var generous = check.Slots.Where(s => s.ThemeCode == "AA").ToList();
        Assert.NotEmpty(generous);
        Assert.All(generous, s => Assert.Equal(60, s.Capacity));
        var missed = generous.Where(s => !s.Meets).ToList();
        Assert.NotEmpty(missed);
        Assert.All(missed, s => Assert.True(s.SuggestedCapacity is >= 0 and < 60, $"{s.Start}: suggested {s.SuggestedCapacity}"));
        Assert.All(missed, s => Assert.True(s.AppointmentShare < 0.95 || s.WalkInShare < 0.95));
    }

    [Fact]
    public async Task TheRuleOwnCapacityOnAHallWithoutWalkInsMeetsTheGoal()
    {
        // A hall that keeps its hours (08:30–17:00): a hall that does not offers slots round the clock, and appointments
        // booked at night wait for the morning's windows (the check shows them as misses).
        var hallId = QueueApi.NewHallId();
        var config = TestHalls.Small(hallId, ["AA", "BB"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB"), WindowProfile.Dedicated("AA")) with { EnforceOpeningHours = true };
        await QueueApi.Checked<JsonElement>(_api.Put($"/api/halls/{hallId}", config), HttpStatusCode.OK);
        var date = await FirstBookableDay(hallId);

        var check = await QueueApi.Checked<BookingCheckResult>(_api.Post($"/api/halls/{hallId}/booking/check?date={date}&replications=2"), HttpStatusCode.OK);

        Assert.True(check.CapacityMeets, string.Join("; ", check.Slots.Where(s => !s.Meets).Select(s => $"{s.ThemeCode} {s.Start:HH:mm} {s.Capacity}: {s.AppointmentShare}")));
        Assert.Contains(check.Slots, s => s.Capacity > 0 && s.Appointments > 0 && s.AppointmentShare >= 0.95);
    }

    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("check an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/booking/check"))
        .Add("check a malformed date", HttpStatusCode.BadRequest, "invalid-date", api => api.Post("/api/halls/binjiang/booking/check?date=12/08/2026"))
        .Add("check with 0 replications", HttpStatusCode.UnprocessableEntity, "invalid-replications", api => api.Post("/api/halls/binjiang/booking/check?replications=0"))
        .Add("check with 99 replications", HttpStatusCode.UnprocessableEntity, "invalid-replications", api => api.Post("/api/halls/binjiang/booking/check?replications=99"))
        .Add("check with a seed that is not a number", HttpStatusCode.UnprocessableEntity, "invalid-seed", api => api.Post("/api/halls/binjiang/booking/check?seed=abc"));

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task TheCheckRefusesBadInputWithAProblem(string name) => Problem.AssertRefused(Table[name], _api);

    private async Task<string> FirstBookableDay(string hallId)
    {
        var calendar = await QueueApi.Checked<JsonElement>(_api.Get($"/api/halls/{hallId}/booking/slots?theme=AA"), HttpStatusCode.OK);
        return calendar.GetProperty("themes")[0].GetProperty("days").EnumerateArray().First(d => d.GetProperty("slots").GetArrayLength() > 0).GetProperty("date").GetString()!;
    }
}
