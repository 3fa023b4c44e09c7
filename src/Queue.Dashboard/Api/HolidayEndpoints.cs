using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Domain;

namespace Queue.Dashboard.Api;

/// <summary>GET /api/holidays: the shipped State Council holiday calendar (Holidays.json), from which a hall's calendar starts.</summary>
public static class HolidayEndpoints
{
    public static IEndpointRouteBuilder MapHolidayEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/holidays", () => TypedResults.Ok(HolidayCalendar.Years)).WithTags("Halls").AllowAnonymous()
            .WithSummary("系统默认的法定节假日与调休（今年和明年）/ The shipped public holidays and make-up working days");
        return routes;
    }
}
