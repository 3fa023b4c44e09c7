using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Dashboard.Http;
using Queue.Domain;

namespace Queue.Dashboard.Api;

/// <summary>
/// GET /api/halls/{hallId}/holidays: the shipped State Council holiday calendar (Holidays.json) that a hall's calendar
/// starts from (the configuration page copies this and next year's into the hall's own closed and working days).
/// </summary>
public static class HolidayEndpoints
{
    public static IEndpointRouteBuilder MapHolidayEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/halls/{hallId}/holidays", GetHolidays).WithTags("Halls").AllowAnonymous().ProducesRefusals(404)
            .WithSummary("系统默认的法定节假日与调休 / The shipped public holidays and make-up working days a hall's calendar starts from");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<HolidayCalendar.Year>>> GetHolidays(string hallId, KnownHalls halls)
    {
        await halls.RequireAsync(hallId);
        return TypedResults.Ok(HolidayCalendar.Years);
    }
}
