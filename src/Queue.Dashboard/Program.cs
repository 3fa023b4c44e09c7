using Queue.Dashboard.Demo;
using Queue.Dashboard.Hosting;
using Queue.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddQueueSilo();
builder.AddQueueApi();
builder.AddQueueDemo();

var app = builder.Build();

app.MapQueueApi();

app.Run();

/// <summary>The web host's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
