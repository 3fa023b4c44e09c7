using Queue.Dashboard.Demo;
using Queue.Dashboard.Hosting;
using Queue.Dashboard.Jobs;
using Queue.Dashboard.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddQueueBackend();
builder.AddQueueApi();
builder.AddQueueSecurity();
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
