using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Analytics;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>
/// The period reports from the journal: staff performance (统一绩效考核: JSON, CSV, XLSX) for the hall's managers, and the
/// one-trip rate (最多跑一次实现率) for any display of the hall (the big screen shows today's).
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var analytics = routes.MapGroup("/api/halls/{hallId}/analytics").WithTags("Analytics").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(400, 404);
        analytics.MapGet("/performance", GetPerformance)
            .WithSummary("统一绩效考核：按人员、窗口、主题的办件量、平均办理时长、没办成占比、评价、暂停、有人等候时的空闲、转办（最多92天）/ Staff performance per person, window and theme (at most 92 days)");
        analytics.MapGet("/performance/export", ExportPerformance)
            .Produces(200, contentType: "text/csv").Produces(200, contentType: XlsxType)
            .WithSummary("绩效导出：format=csv（UTF-8 BOM）或 xlsx / Staff performance as CSV (UTF-8 with BOM) or XLSX");
        routes.MapGroup("/api/halls/{hallId}/analytics").WithTags("Analytics").RequireHall(Permission.Display)
            .ProducesAccessRefusals().ProducesRefusals(400, 404)
            .MapGet("/one-trip", GetOneTrip)
            .WithSummary("最多跑一次实现率：按日、月或主题（by=day|month|theme；最多366天）/ The one-trip rate per day, month or theme (at most 366 days)");
        return routes.MapCitizenYearEndpoints();
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<Ok<PerformanceReport>> GetPerformance(string hallId, IGrainFactory grains, string? from = null, string? to = null) =>
        TypedResults.Ok(await Performance(grains, hallId, from, to));

    private static async Task<FileContentHttpResult> ExportPerformance(
        string hallId, IGrainFactory grains, string? from = null, string? to = null, string? format = null)
    {
        var kind = format switch
        {
            null or "" or "csv" => "csv",
            "xlsx" => "xlsx",
            _ => throw Refusals.InvalidValue("format", format),
        };
        var report = await Performance(grains, hallId, from, to);
        var name = $"staff-{report.HallId}-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.{kind}";
        return kind == "csv"
            ? TypedResults.File(PerformanceExport.Csv(report), "text/csv; charset=utf-8", name)
            : TypedResults.File(PerformanceExport.Xlsx(report), XlsxType, name);
    }

    private static async Task<Ok<OneTripReport>> GetOneTrip(string hallId, IGrainFactory grains, string? from = null, string? to = null, string? by = null)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        var grouping = string.IsNullOrWhiteSpace(by) ? "day" : by;
        return TypedResults.Ok(await AnalyticsEndpoints.Grain(grains, hallId).GetOneTripAsync(start, end, grouping));
    }

    private static async Task<PerformanceReport> Performance(IGrainFactory grains, string hallId, string? from, string? to)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        return await AnalyticsEndpoints.Grain(grains, hallId).GetPerformanceAsync(start, end);
    }
}
