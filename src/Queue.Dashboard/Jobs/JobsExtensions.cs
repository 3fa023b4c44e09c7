using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Queue.Hosting;

namespace Queue.Dashboard.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Hangfire: in memory on a single node; on PostgreSQL when the grain state is (Queue:Storage:Provider Postgres), so
    /// that the web nodes of a cluster share one job store and each recurring job runs once (Hangfire.PostgreSql creates
    /// its own <c>hangfire</c> schema). The recurring jobs are registered at start.
    /// </summary>
    public static IHostApplicationBuilder AddQueueJobs(this IHostApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(QueueStorageOptions.Section).Get<QueueStorageOptions>() ?? new QueueStorageOptions();
        builder.Services.AddHangfire(configuration =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage is { Provider: StorageProvider.Postgres, PostgresConnection: { } connection })
            {
                configuration.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connection));
            }
            else
            {
                configuration.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(3) });
            }
        });
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = 2;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(15);
        });
        builder.Services.AddTransient<QueueJobs>();
        return builder;
    }

    /// <summary>The Hangfire dashboard at /hangfire, for managers and administrators, and the recurring jobs.</summary>
    public static WebApplication MapQueueJobs(this WebApplication app)
    {
        // An endpoint (not middleware) so that the same policy as /orleans guards it; the filter checks once more.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new OperationsDashboardFilter()],
            // A hall's manager sees every hall's jobs but may not delete or trigger them; an administrator may.
            IsReadOnlyFunc = context => Security.Caller.From(context.GetHttpContext().User).Kind != Security.CallerKind.Administrator,
            DashboardTitle = "Queue 后台任务 / Jobs",
        }).RequireAuthorization(Security.SecurityExtensions.OperationsPolicy);
        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<QueueJobs>("close-days", j => j.CloseDaysAsync(), Cron.Minutely());
        jobs.AddOrUpdate<QueueJobs>("advise-tomorrow", j => j.AdviseTomorrowAsync(), "0 20 * * *", new RecurringJobOptions { TimeZone = china });
        return app;
    }
}
