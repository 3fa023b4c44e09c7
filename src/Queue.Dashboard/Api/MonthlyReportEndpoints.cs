using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Config;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Hosting;

namespace Queue.Dashboard.Api;

/// <summary>
/// The monthly report (月度报告) of a hall for its managers and the administrators: JSON (GET …/reports/monthly?month=yyyy-MM;
/// the current month by default) and the same tables as XLSX, one sheet per section. The page /report/{hall} shows it.
/// </summary>
public static class MonthlyReportEndpoints
{
    public static IEndpointRouteBuilder MapMonthlyReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/halls/{hallId}/reports").WithTags("Analytics").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(400, 404, 422);
        reports.MapGet("/monthly", Get)
            .WithSummary("月度报告：每日取号与等待、合计、30分钟达标率、满意率、一次办成率、案件、人员绩效与同比/环比 / The monthly report: days, totals, compliance, satisfaction, one-trip rate, cases, staff and a comparison");
        reports.MapGet("/monthly/export.xlsx", Export).Produces(200, contentType: ReportEndpoints.XlsxType)
            .WithSummary("月度报告导出（XLSX，每节一个工作表）/ The monthly report as XLSX, one sheet per section");
        return routes;
    }

    private static async Task<Ok<MonthlyReport>> Get(
        string hallId, IGrainFactory grains, [FromKeyedServices(QueueClock.Key)] TimeProvider clock, string? month = null) =>
        TypedResults.Ok(await Report(grains, hallId, month, clock));

    private static async Task<FileContentHttpResult> Export(
        string hallId, IGrainFactory grains, [FromKeyedServices(QueueClock.Key)] TimeProvider clock, string? month = null)
    {
        var report = await Report(grains, hallId, month, clock);
        return TypedResults.File(MonthlyExport.Xlsx(report), ReportEndpoints.XlsxType, $"monthly-{report.HallId}-{report.Month}.xlsx");
    }

    private static async Task<MonthlyReport> Report(IGrainFactory grains, string hallId, string? month, TimeProvider clock)
    {
        HallConfig hall = await RequestRules.HallConfig(grains, hallId);
        var (from, to) = MonthlyReports.Month(month, hall, clock.GetUtcNow());
        return await MonthlyReports.BuildAsync(grains, hall, from, to);
    }
}
