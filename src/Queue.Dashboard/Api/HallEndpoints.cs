using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

public static class HallEndpoints
{
    public static IEndpointRouteBuilder MapHallEndpoints(this IEndpointRouteBuilder routes)
    {
        var halls = routes.MapGroup("/api/halls").WithTags("Halls");
        halls.MapGet("/", ListHalls).AllowAnonymous().WithSummary("大厅列表 / The configured halls");
        halls.MapGet("/{hallId}", GetConfig).AllowAnonymous().ProducesRefusals(404).WithSummary("大厅配置 / A hall's configuration");
        halls.MapPut("/{hallId}", Configure).RequireHall(Permission.Configure).ProducesAccessRefusals().ProducesBodyRefusals().ProducesRefusals(409, 422)
            .WithSummary("创建或修改大厅配置（If-Match: 版本ETag，他人已修改则409）/ Create or replace a hall's configuration (If-Match: the version ETag; 409 when someone saved meanwhile)");
        halls.MapPost("/{hallId}/config/validate", Validate).RequireHall(Permission.Configure).ProducesAccessRefusals().ProducesBodyRefusals().ProducesRefusals(422)
            .WithSummary("校验大厅配置（不保存）/ Check a hall's configuration by the API's own rules, without saving it");
        halls.MapGet("/{hallId}/snapshot", GetSnapshot).RequireHall(Permission.Display).ProducesAccessRefusals().ProducesRefusals(404)
            .WithSummary("大厅实时状态 / Lines and windows now, with the event sequence");
        halls.MapGet("/{hallId}/events", GetEvents).RequireHall(Permission.Manage).ProducesAccessRefusals().ProducesRefusals(400, 404)
            .WithSummary("事件流水 / Hall events after a sequence number");
        halls.MapGet("/{hallId}/alerts", GetAlerts).RequireHall(Permission.Display).ProducesAccessRefusals().ProducesRefusals(404)
            .WithSummary("SLA预警：将超时的主题及调窗建议 / SLA alerts in force, with window moves");
        halls.MapPost("/{hallId}/close-day", CloseDay).RequireHall(Permission.Manage).ProducesAccessRefusals().ProducesRefusals(404)
            .WithSummary("日终：过期所有未办结号票 / Close the day: expire every active ticket");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<string>>> ListHalls(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IHallDirectoryGrain>(0).ListAsync());

    private static async Task<Ok<HallConfig>> GetConfig(string hallId, IGrainFactory grains, KnownHalls halls, HttpContext http)
    {
        var versioned = await grains.GetGrain<IHallGrain>(await halls.RequireAsync(hallId)).GetVersionedConfigAsync();
        http.Response.Headers.ETag = ETag(versioned.Version);
        return TypedResults.Ok(versioned.Config ?? throw Contracts.Model.Refusals.HallNotFound(hallId));
    }

    /// <summary>Saves the whole configuration; with If-Match ("v3", the GET's ETag) only over that version (409 otherwise).</summary>
    private static async Task<Ok<HallConfig>> Configure(string hallId, HallConfig? config, IGrainFactory grains, HttpContext http)
    {
        if (!Contracts.Identifiers.HallId().IsMatch(hallId))
        {
            throw Contracts.Model.Refusals.HallIdFormat();
        }

        var edit = new ConfigEdit(ExpectedVersion(http.Request.Headers.IfMatch.ToString()), http.Caller().Id);
        var saved = await grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(RequestRules.Body(config), edit);
        http.Response.Headers.ETag = ETag(saved.Version);
        return TypedResults.Ok(saved.Config!);
    }

    /// <summary>The validator's verdict without saving: 200 with the configuration as it would be stored, or its 422 refusal.</summary>
    private static Ok<HallConfig> Validate(string hallId, HallConfig? config) =>
        TypedResults.Ok(Domain.HallConfigValidator.Validate(RequestRules.Body(config), RequestRules.HallId(hallId)));

    private static string ETag(int version) => $"\"v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    private static int? ExpectedVersion(string ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return null;
        }

        var text = ifMatch.Trim();
        text = text.StartsWith("W/", StringComparison.Ordinal) ? text[2..] : text;
        return text.Length > 3 && text[0] == '"' && text[1] == 'v' && text[^1] == '"' &&
            int.TryParse(text[2..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw Contracts.Model.Refusals.ConfigVersionFormat();
    }

    private static async Task<Ok<HallSnapshot>> GetSnapshot(string hallId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IHallGrain>(RequestRules.HallId(hallId)).GetSnapshotAsync());

    private static async Task<Ok<IReadOnlyList<HallEvent>>> GetEvents(string hallId, IGrainFactory grains, string? after = null, string? max = null)
    {
        var from = RequestRules.Number(after, "after", 0, long.MaxValue, 0);
        var page = (int)RequestRules.Number(max, "max", 1, 1000, 200);
        var hall = await RequestRules.ExistingHall(grains, hallId);
        // The citizen's keyed hash (one-trip tracking) stays inside the silo's analytics.
        return TypedResults.Ok<IReadOnlyList<HallEvent>>([.. (await hall.GetEventsAsync(from, page)).Select(e => e with { CitizenKey = null })]);
    }

    private static async Task<Ok<IReadOnlyList<SlaAlert>>> GetAlerts(string hallId, IGrainFactory grains)
    {
        var hall = await RequestRules.ExistingHall(grains, hallId);
        return TypedResults.Ok(await hall.GetAlertsAsync());
    }

    private static async Task<Ok<CloseDayResult>> CloseDay(string hallId, IGrainFactory grains) =>
        TypedResults.Ok(new CloseDayResult(await grains.GetGrain<IHallGrain>(RequestRules.HallId(hallId)).CloseDayAsync()));
}

public sealed record CloseDayResult(int Expired);
