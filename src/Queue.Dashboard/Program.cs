using Queue.Dashboard.Demo;
using Queue.Dashboard.Hosting;
using Queue.Dashboard.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.AddQueueBackend();
builder.AddQueueApi();
builder.AddQueueDemo();
builder.AddQueueJobs();
builder.AddQueueTelemetry();

var app = builder.Build();

app.MapQueueApi();
app.MapQueueJobs();
app.MapQueueOperations();

app.Run();

/// <summary>The web host's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
