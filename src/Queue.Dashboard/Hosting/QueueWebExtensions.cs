using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Queue.Contracts;
using Queue.Contracts.Model;
using Queue.Dashboard.Api;
using Queue.Dashboard.Charts;
using Queue.Dashboard.Http;
using Queue.Dashboard.Live;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Hosting;

public static class QueueWebExtensions
{
    /// <summary>The HTTP API: JSON in Queue's shape, ProblemDetails for every error, an OpenAPI document.</summary>
    public static IHostApplicationBuilder AddQueueApi(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options => QueueJson.Configure(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Ahead of AddProblemDetails' JSON writer: a browser asking for a page gets a page (BrowserProblemWriter).
        builder.Services.AddSingleton<IProblemDetailsWriter, BrowserProblemWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<PublicLinks>();
        builder.Services.AddSingleton<SimulationGate>(); // one simulation at a time on this node
        builder.Services.AddSingleton<Api.AdviceCheck>();
        builder.Services.AddExceptionHandler<QueueExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddSignalR(options => options.AddFilter<HubRefusalFilter>())
            .AddJsonProtocol(options => QueueJson.Configure(options.PayloadSerializerOptions));
        builder.Logging.AddFilter(HubRefusalFilter.DispatcherCategory, LogLevel.Critical); // the filter logs hub failures, refusals apart
        builder.Services.AddSingleton<LiveWatches>();
        builder.Services.AddSingleton<EventRouter>();
        builder.Services.AddSingleton<LiveHallService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveHallService>());
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveConnections>());
        if (builder is WebApplicationBuilder web)
        {
            // The pages' wwwroot, also when the build output runs outside Development (the browser tests do):
            // a no-op once published, where wwwroot sits next to the app.
            web.WebHost.UseStaticWebAssets();
        }

        return builder;
    }

    public static WebApplication MapQueueApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var refusal = status == StatusCodes.Status404NotFound && BrowserProblemWriter.WantsPage(http.Request) ? Refusals.NoSuchPage() : Refusals.HttpStatus(status);
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = ApiProblems.Create(status, refusal),
            });
        });
        app.UsePageFiles();
        app.UseQueueSecurity();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/", () => TypedResults.Content(HomePage.Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        // Browsers ask for /favicon.ico whatever the page says; the icon is wwwroot/favicon.svg.
        app.MapGet("/favicon.ico", () => TypedResults.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        app.MapAuthEndpoints();
        app.MapAccountEndpoints();
        app.MapDeviceEndpoints();
        app.MapWebhookEndpoints();
        app.MapHallEndpoints();
        app.MapOpeningEndpoints();
        app.MapTicketEndpoints();
        app.MapNoticeEndpoints();
        app.MapRemoteTicketEndpoints();
        app.MapEntranceEndpoints();
        app.MapWindowEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapChartEndpoints();
        app.MapAdviceEndpoints();
        app.MapSimulationEndpoints();
        app.MapSimulationChartEndpoints();
        app.MapTidalPlanEndpoints();
        app.MapAlertMoveEndpoints();
        app.MapHolidayEndpoints();
        app.MapBookingEndpoints();
        app.MapBookingManagerEndpoints();
        app.MapBookingCheckEndpoints();
        app.MapCaseEndpoints();
        app.MapMonthlyReportEndpoints();
        app.MapSystemEndpoints();
        app.MapHub<QueueHub>("/hubs/queue").AllowAnonymous();
        app.MapPageEndpoints();
        return app;
    }
}
