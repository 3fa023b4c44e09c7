using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Queue.Hosting;

namespace Queue.Engine.Webhooks;

/// <summary>
/// Registers the webhook relay and sender on a silo (never on a client-role web node): the delivery log beside the
/// grain state (SQLite file or the cluster's PostgreSQL) and a named <see cref="HttpClient"/> from
/// <see cref="IHttpClientFactory"/>. Every silo of a cluster runs both: planning is idempotent, and a delivery is
/// claimed by one silo at a time.
/// </summary>
public static class WebhookHosting
{
    public static IServiceCollection AddQueueWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations();
        services.TryAddSingleton<IWebhookDeliveryStore>(sp => sp.GetRequiredService<IOptions<QueueStorageOptions>>().Value switch
        {
            { Provider: StorageProvider.Postgres, PostgresConnection: { } connection } => new PostgresWebhookDeliveryStore(connection),
            _ => new SqliteWebhookDeliveryStore(sp.GetRequiredService<IOptions<QueueSiloOptions>>().Value.DataPath),
        });
        services.AddHttpClient(WebhookSender.HttpClientName, client =>
        {
            // The sender applies its own per-request timeout (WebhookOptions.RequestTimeout); this is only the ceiling.
            client.Timeout = TimeSpan.FromMinutes(2);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Queue-Webhooks/1");
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) });
        services.AddHostedService<WebhookRelay>();
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
