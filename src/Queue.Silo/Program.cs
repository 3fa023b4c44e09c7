using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Queue.Engine.Hosting;
using Queue.Hosting;

// The standalone silo: the same grains and storage as the single-node web host, without the web tier. A minimal
// Kestrel serves only /health/live and /health/ready, on ASP.NET Core's Urls (ASPNETCORE_URLS), by default
// http://127.0.0.1:8081.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8081");
}

builder.AddQueueSilo();

var app = builder.Build();

app.MapQueueHealth();

await app.RunAsync();
