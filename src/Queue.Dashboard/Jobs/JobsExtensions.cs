using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Queue.Hosting;

namespace Queue.Dashboard.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Hangfire: on PostgreSQL when <c>Queue:Jobs:PostgresConnection</c> is set, or when the grain state is
    /// (<c>Queue:Storage:Provider</c> Postgres), so that the web nodes of a cluster share one job store and each recurring
    /// job runs once (Hangfire.PostgreSql creates its own <c>hangfire</c> schema); in memory on a single node. A node of
    /// a Redis cluster without a PostgreSQL job store does not start (<see cref="QueueJobsOptions.Resolve"/>). The
    /// recurring jobs are registered at start.
    /// </summary>
    public static IHostApplicationBuilder AddQueueJobs(this IHostApplicationBuilder builder)
    {
        var section = (string name) => builder.Configuration.GetSection(name);
        var connection = QueueJobsOptions.Resolve(
            section(QueueJobsOptions.Section).Get<QueueJobsOptions>() ?? new QueueJobsOptions(),
            section(QueueStorageOptions.Section).Get<QueueStorageOptions>() ?? new QueueStorageOptions(),
            section(QueueClusterOptions.Section).Get<QueueClusterOptions>() ?? new QueueClusterOptions(),
            section(QueueWebOptions.Section).Get<QueueWebOptions>() ?? new QueueWebOptions(),
            out var warning);
        builder.Services.AddSingleton(new JobStoreChoice(connection is null ? "memory" : "PostgreSQL", warning));
        builder.Services.AddHangfire(configuration =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (connection is not null)
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
        if (app.Services.GetRequiredService<JobStoreChoice>().Warning is { } warning)
        {
            app.Logger.LogWarning("{Warning}", warning);
        }

        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<QueueJobs>("close-days", j => j.CloseDaysAsync(), Cron.Minutely());
        jobs.AddOrUpdate<QueueJobs>("advise-tomorrow", j => j.AdviseTomorrowAsync(), "0 20 * * *", new RecurringJobOptions { TimeZone = china });
        return app;
    }
}

/// <summary>Where this node keeps its jobs, and what to warn about it at start.</summary>
public sealed record JobStoreChoice(string Store, string? Warning);
