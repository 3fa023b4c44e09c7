using Queue.Dashboard.Demo;
using Queue.Dashboard.Hosting;
using Queue.Dashboard.Jobs;
using Queue.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddQueueSilo();
builder.AddQueueApi();
builder.AddQueueDemo();
builder.AddQueueJobs();

var app = builder.Build();

app.MapQueueApi();
app.MapQueueJobs();

app.Run();

/// <summary>The web host's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
