using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Cases;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;

namespace Queue.Dashboard.Api;

/// <summary>
/// The hall's cases (回访整改 of real-name 差评, 跑一次没办成) through <see cref="IHallCasesGrain"/>: list with filters and
/// paging, one case, a change (status, assignee, owner/department, note: who and when go into its history), exports
/// as CSV and XLSX, the deadlines in working days, and the big screen's counts. Managers of the hall; administrators.
/// </summary>
public static partial class CaseEndpoints
{
    public const int MaxLimit = 500;
    public const int MaxExport = 10_000;

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/halls/{hallId}/cases").WithTags("Cases").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(400, 404);
        cases.MapGet("/", List).WithSummary("回访整改与没办成案件：按类型、状态、逾期、主题、窗口、人员、日期筛选，分页 / Cases: filter by kind, status, overdue, theme, window, staff and dates, paged");
        cases.MapGet("/export.csv", (string hallId, HttpRequest request, IGrainFactory grains) => Export(hallId, request, grains, false))
            .Produces(200, contentType: "text/csv").WithSummary("导出案件（CSV，同列表筛选）/ Export the cases as CSV (the list's filters)");
        cases.MapGet("/export.xlsx", (string hallId, HttpRequest request, IGrainFactory grains) => Export(hallId, request, grains, true))
            .Produces(200, contentType: XlsxType).WithSummary("导出案件（XLSX，同列表筛选）/ Export the cases as XLSX (the list's filters)");
        cases.MapGet("/settings", GetSettings).WithSummary("办理期限（工作日）/ The cases' deadlines in working days");
        cases.MapPut("/settings", PutSettings).ProducesBodyRefusals()
            .WithSummary("设置办理期限：差评回访（默认5个工作日）、没办成（默认3个）/ Set the deadlines: follow-up (default 5 working days), not-done (default 3)");
        cases.MapGet("/{caseId}", Get).WithSummary("一个案件及其处理记录 / One case with its history");
        cases.MapPatch("/{caseId}", Update).ProducesBodyRefusals().ProducesRefusals(409)
            .WithSummary("处理案件：状态、负责人、部门、备注（记录人和时间）/ Change a case: status, assignee, department, note (who and when are recorded)");
        routes.MapGet("/api/halls/{hallId}/cases/overdue", Counts).WithTags("Cases").RequireHall(Permission.Display)
            .ProducesAccessRefusals().ProducesRefusals(400, 404)
            .WithSummary("大屏：未办结与逾期案件数 / The big screen's counts of open and overdue cases");
        return routes;
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [GeneratedRegex("^C[0-9]{5,9}$")]
    private static partial Regex CaseIdPattern();

    private static IHallCasesGrain Grain(IGrainFactory grains, string hallId) => grains.GetGrain<IHallCasesGrain>(RequestRules.HallId(hallId));

    private static async Task<Ok<CaseList>> List(string hallId, HttpRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, hallId).ListAsync(Query(request, MaxLimit)));

    private static async Task<Ok<CaseView>> Get(string hallId, string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, hallId).GetAsync(CaseId(caseId)));

    private static async Task<Ok<CaseView>> Update(string hallId, string caseId, CaseUpdateRequest? request, HttpContext http, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        var status = body.Status is { } s ? RequestRules.Defined(s, s, "status") : (CaseStatus?)null;
        var update = new CaseUpdate(
            http.Caller().Id, status, Clearable(body.Assignee, "assignee", 50), Clearable(body.Department, "department", 50),
            RequestRules.OptionalText(body.Note, "note", 500));
        return TypedResults.Ok(await Grain(grains, hallId).UpdateAsync(CaseId(caseId), update));
    }

    private static async Task<Ok<CaseSettings>> GetSettings(string hallId, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, hallId).GetSettingsAsync());

    private static async Task<Ok<CaseSettings>> PutSettings(string hallId, CaseSettingsRequest? request, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        var grain = Grain(grains, hallId);
        var current = await grain.GetSettingsAsync();
        int Days(int? value, int fallback, string field) =>
            value is null ? fallback : value is >= 1 and <= CaseSettings.MaxWorkingDays ? value.Value : throw Refusals.InvalidNumber(field, 1, CaseSettings.MaxWorkingDays);
        return TypedResults.Ok(await grain.SetSettingsAsync(new CaseSettings(
            Days(body.FollowUpWorkingDays, current.FollowUpWorkingDays, "followUpWorkingDays"), Days(body.NotDoneWorkingDays, current.NotDoneWorkingDays, "notDoneWorkingDays"))));
    }

    private static async Task<Ok<CaseCounts>> Counts(string hallId, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, hallId).GetCountsAsync());

    private static async Task<FileContentHttpResult> Export(string hallId, HttpRequest request, IGrainFactory grains, bool xlsx)
    {
        var hall = await RequestRules.HallConfig(grains, hallId);
        var list = await Grain(grains, hallId).ListAsync(Query(request, MaxExport) with { Offset = 0, Limit = MaxExport });
        var zone = BusinessClock.Zone(hall.TimeZone);
        var name = $"cases-{hall.HallId}-{list.Today:yyyy-MM-dd}";
        return xlsx
            ? TypedResults.File(CaseExport.Xlsx(list.Items, zone), XlsxType, name + ".xlsx")
            : TypedResults.File(CaseExport.Csv(list.Items, zone), "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>The list's query: kind, status, overdue (true/false), theme, window, staff, from/to (yyyy-MM-dd), offset, limit.</summary>
    public static CaseQuery Query(HttpRequest request, int maxLimit)
    {
        string? Value(string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var (from, to) = AnalyticsQuery.Range(Value("from"), Value("to"));
        var window = RequestRules.Number(Value("window"), "window", 1, 9999, 0);
        return new CaseQuery(
            Parse<CaseKind>(Value("kind"), "kind"),
            Parse<CaseStatus>(Value("status"), "status"),
            Value("overdue") is { } overdue ? RequestRules.Flag(overdue, "overdue") : null,
            AnalyticsQuery.Theme(Value("theme")),
            window == 0 ? null : (int)window,
            RequestRules.OptionalText(Value("staff"), "staff", 100),
            from,
            to,
            (int)RequestRules.Number(Value("offset"), "offset", 0, 1_000_000, 0),
            (int)RequestRules.Number(Value("limit"), "limit", 1, maxLimit, 50));
    }

    private static TEnum? Parse<TEnum>(string? value, string field)
        where TEnum : struct, Enum =>
        value is null ? null
        : Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed
        : throw Refusals.InvalidValue(field, value);

    private static string CaseId(string caseId) => CaseIdPattern().IsMatch(caseId) ? caseId : throw Refusals.CaseNotFound(caseId);

    /// <summary>Null leaves a field as it is; an empty (or blank) text clears it.</summary>
    private static string? Clearable(string? value, string field, int max) =>
        value is null ? null : RequestRules.OptionalText(value, field, max) ?? "";
}

/// <summary>The body of PATCH /api/halls/{hallId}/cases/{caseId}: each field left out stays as it is; "" clears assignee or department.</summary>
public sealed record CaseUpdateRequest(CaseStatus? Status, string? Assignee, string? Department, string? Note);

/// <summary>The body of PUT /api/halls/{hallId}/cases/settings: deadlines in working days (1–60); one left out stays.</summary>
public sealed record CaseSettingsRequest(int? FollowUpWorkingDays, int? NotDoneWorkingDays);
