using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Hosting;

namespace Queue.Dashboard.Security;

/// <summary>
/// Authentication (one scheme for people and devices), the hall policies, secure-by-default fallback (an endpoint
/// that names no policy is for administrators only) and the public endpoints' rate limits.
/// </summary>
public static class SecurityExtensions
{
    public const string TicketHolderPolicy = "ticket-holder";
    public const string TicketKeyPolicy = "ticket-key";
    public const string OperationsPolicy = "operations";
    public const string IssueLimit = "issue";
    public const string TicketLimit = "ticket";
    public const string SignInLimit = "sign-in";

    /// <summary>The log category of refused sign-ins and of changes to accounts and devices: who, what, when.</summary>
    public const string AuditLog = "Queue.Security.Audit";

    public static string PolicyOf(Permission permission) => "hall:" + permission;

    public static IHostApplicationBuilder AddQueueSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // A client web node hosts no silo, which is where the queue's clock is registered otherwise.
        builder.Services.TryAddKeyedSingleton(QueueClock.Key, TimeProvider.System);
        var proxies = (builder.Configuration.GetSection(SecurityOptions.Section + ":KnownProxies").Get<string[]>() ?? [])
            .Select(p => IPAddress.TryParse(p, out var address)
                ? address
                : throw new InvalidOperationException($"Queue:Security:KnownProxies: '{p}' is not an IP address"))
            .ToList();
        var networks = (builder.Configuration.GetSection(SecurityOptions.Section + ":KnownNetworks").Get<string[]>() ?? [])
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network)
                ? network
                : throw new InvalidOperationException($"Queue:Security:KnownNetworks: '{n}' is not a network in CIDR notation (10.0.0.0/8)"))
            .ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddSingleton<QueueKeys>();
        builder.Services.AddSingleton<KnownHalls>();
        builder.Services.AddSingleton<Credentials>();
        builder.Services.AddAuthentication(QueueAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, QueueAuthenticationHandler>(QueueAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, HallAccessHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, TicketHolderHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, QueueAuthorizationResultHandler>();
        var authorization = builder.Services.AddAuthorizationBuilder()
            .AddPolicy(TicketHolderPolicy, policy => policy.AddRequirements(new TicketHolderRequirement()))
            .AddPolicy(TicketKeyPolicy, policy => policy.AddRequirements(new TicketHolderRequirement(keyOnly: true)))
            .AddPolicy(OperationsPolicy, policy => policy.RequireAssertion(context => AccessRules.MayOperateInstallation(Security.Caller.From(context.User))))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(context => Security.Caller.From(context.User).Kind == CallerKind.Administrator).Build());
        foreach (var permission in Enum.GetValues<Permission>())
        {
            authorization.AddPolicy(PolicyOf(permission), policy => policy.AddRequirements(new HallAccessRequirement(permission)));
        }

        builder.Services.AddRateLimiter(AddLimits);
        builder.Services.AddSingleton(new FirstStartConsole(Console.Out));
        builder.Services.AddSingleton<AdministratorBootstrap>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AdministratorBootstrap>());
        builder.Services.AddHealthChecks().AddCheck<FirstStartHealthCheck>("first-start", tags: [QueueHealthExtensions.Ready]);
        return builder;
    }

    /// <summary>After static files (the pages' assets are public) and before the endpoints.</summary>
    public static WebApplication UseQueueSecurity(this WebApplication app)
    {
        // Behind the configured reverse proxies only: the citizen's address (rate limits) and https (Secure cookies).
        app.UseForwardedHeaders();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The caller holds the permission in the route's hall.</summary>
    public static TBuilder RequireHall<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(PolicyOf(permission));

    public static Caller Caller(this HttpContext context) => Security.Caller.From(context.User);

    public static ILogger Audit(this ILoggerFactory logs) => logs.CreateLogger(AuditLog);

    private static void AddLimits(RateLimiterOptions limiter)
    {
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "60";
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = ApiProblems.Create(429, Refusals.RateLimited()),
            });
        };
        limiter.AddPolicy(IssueLimit, http =>
        {
            var limits = Limits(http);
            var caller = http.Caller();
            return caller.Kind switch
            {
                CallerKind.Anonymous => PerMinute($"citizen:{Address(http)}|{HallOf(http)}", limits.CitizenIssuePerMinute),
                CallerKind.Kiosk => PerMinute("kiosk:" + caller.Id, limits.KioskIssuePerMinute),
                _ => RateLimitPartition.GetNoLimiter("person"),
            };
        });
        limiter.AddPolicy(TicketLimit, http => http.Caller().Kind is CallerKind.Anonymous or CallerKind.Kiosk or CallerKind.Board
            ? PerMinute("ticket:" + Address(http), Limits(http).TicketRequestsPerMinute)
            : RateLimitPartition.GetNoLimiter("person"));
        limiter.AddPolicy(SignInLimit, http => PerMinute("sign-in:" + Address(http), Limits(http).SignInsPerMinute));
    }

    private static RateLimitOptions Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.RateLimits;

    /// <summary>The caller's address; an IPv6 address by its /64, which one subscriber holds whole (else a client could rotate through it).</summary>
    internal static string Address(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>A well-formed hall id, or one shared partition for anything else, so made-up ids cannot multiply the limiters.</summary>
    private static string HallOf(HttpContext http) =>
        http.GetRouteValue("hallId") is string hall && Contracts.Identifiers.HallId().IsMatch(hall) ? hall : "?";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
