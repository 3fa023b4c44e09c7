using Microsoft.Extensions.Hosting;
using Queue.Silo.Hosting;

// The standalone silo: the same grains and storage as the single-node web host, without the web tier.
var builder = Host.CreateApplicationBuilder(args);
builder.AddQueueSilo();
await builder.Build().RunAsync();
