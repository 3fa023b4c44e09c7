using OpenTelemetry.Metrics;
using Queue.Hosting;

namespace Queue.Dashboard.Hosting;

public static class TelemetryExtensions
{
    public const string OtlpEndpointKey = "Queue:Telemetry:OtlpEndpoint";

    /// <summary>
    /// OpenTelemetry metrics: the queue's own meter (events by kind, waits), Orleans' meters, ASP.NET Core (requests,
    /// SignalR connections) and the .NET runtime. Exported over OTLP when <c>Queue:Telemetry:OtlpEndpoint</c> is set
    /// (e.g. http://collector:4317); without it they are still collected for in-process listeners.
    /// </summary>
    public static IHostApplicationBuilder AddQueueTelemetry(this IHostApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[OtlpEndpointKey];
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(QueueMetrics.MeterName, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation();
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                metrics.AddOtlpExporter(options => options.Endpoint = uri);
            }
        });
        return builder;
    }
}
