namespace Queue.Dashboard.Demo;

public static class DemoExtensions
{
    /// <summary>The demo hall's simulator, on unless Queue:Simulator:Enabled is false.</summary>
    public static IHostApplicationBuilder AddQueueDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section);
        builder.Services.AddHostedService<DemoSimulator>();
        return builder;
    }
}
