namespace Queue.Dashboard.Hosting;

/// <summary>
/// The pages people use: plain HTML, CSS and JavaScript from wwwroot, no build step. Each page reads its hall,
/// zone, window or ticket from its own address and talks to the HTTP API and the hub (/hubs/queue).
/// </summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/kiosk/{hallId}", (IWebHostEnvironment env) => Page(env, "kiosk.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("取号机 / Kiosk");
        routes.MapGet("/m/{hallId}", (IWebHostEnvironment env) => Page(env, "m.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("手机预约 / The citizen's phone page: slots and bookings");
        routes.MapGet("/t/{ticketId}", (IWebHostEnvironment env) => Page(env, "ticket.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("我的号票 / The citizen's ticket page");
        routes.MapGet("/window/{hallId}/{windowNo:int}", (IWebHostEnvironment env) => Page(env, "window.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("窗口终端 / Window terminal");
        routes.MapGet("/board/{hallId}", (IWebHostEnvironment env) => Page(env, "board.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("叫号屏 / Hall board");
        routes.MapGet("/board/{hallId}/{zoneId}", (IWebHostEnvironment env) => Page(env, "board.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("区域叫号屏 / Zone board");
        routes.MapGet("/led/{hallId}/{windowNo:int}", (IWebHostEnvironment env) => Page(env, "led.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("窗口屏 / Window LED");
        routes.MapGet("/screen/{hallId}", (IWebHostEnvironment env) => Page(env, "screen.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("智慧大厅大屏 / Hall big screen");
        routes.MapGet("/manager/{hallId}", (IWebHostEnvironment env) => Page(env, "manager.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("大厅运行分析 / Manager analytics");
        routes.MapGet("/config/{hallId}", (IWebHostEnvironment env) => Page(env, "config.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("大厅配置 / Hall configuration");
        routes.MapGet("/remote/{hallId}", (IWebHostEnvironment env) => Page(env, "remote.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("线上取号 / Remote ticket");
        routes.MapGet("/entrance/{hallId}", (IWebHostEnvironment env) => Page(env, "entrance.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("入口签到码屏 / Entrance check-in display");
        routes.MapGet("/arrive/{hallId}", (IWebHostEnvironment env) => Page(env, "arrive.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("到厅签到 / Check in on arrival");
        routes.MapGet("/report/{hallId}", (IWebHostEnvironment env) => Page(env, "report.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("月度报告 / Monthly report");
        routes.MapGet(Security.SignInPage.Path, (IWebHostEnvironment env) => Page(env, "login.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("登录 / Sign in");
        routes.MapGet("/admin", (IWebHostEnvironment env) => Page(env, "admin.html")).AllowAnonymous().ExcludeFromDescription().WithSummary("账号与设备 / Accounts and devices");
        return routes;
    }

    /// <summary>
    /// The pages load only their own scripts, styles and the hub (no inline script, no other site), and may not be
    /// framed: a window terminal inside someone else's page could be clicked through.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static IResult Page(IWebHostEnvironment env, string name)
    {
        var file = env.WebRootFileProvider.GetFileInfo("pages/" + name);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The page {name} is missing from wwwroot/pages", name);
        }

        return new PageResult(TypedResults.Stream(file.CreateReadStream(), "text/html; charset=utf-8"));
    }

    /// <summary>The pages' scripts, styles and vendored libraries; HTML pages are revalidated on each load.</summary>
    public static WebApplication UsePageFiles(this WebApplication app)
    {
        // Every answer: no MIME sniffing, and no Referer, because a ticket link carries its key and a device link its token.
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    private sealed class PageResult(IResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            httpContext.Response.Headers.XFrameOptions = "DENY";
            return page.ExecuteAsync(httpContext);
        }
    }
}
