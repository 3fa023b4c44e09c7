using Queue.Dashboard.Demo;
using Queue.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddQueueBackend();
builder.AddQueueApi();
builder.AddQueueDemo();

var app = builder.Build();

app.MapQueueApi();
app.MapQueueOperations();

app.Run();

/// <summary>The web host's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
