using Orleans.Concurrency;
using Queue.Contracts.Webhooks;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall's webhook endpoints (key: hall id) and their delivery log. The deliveries themselves are made by the silo's
/// webhook relay and sender, never on a grain turn; this grain only reads their log and queues a test.
/// </summary>
[Alias("Queue.IHallWebhooksGrain")]
public interface IHallWebhooksGrain : IGrainWithStringKey
{
    /// <summary>The endpoints with their secrets (for signing); the API lists them masked.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync();

    /// <summary>Adds an endpoint under a new id; 409 when the URL is registered already or the hall has too many.</summary>
    [Alias("Add")]
    Task<WebhookEndpoint> AddAsync(WebhookEndpointSettings settings, string createdBy);

    /// <summary>Replaces an endpoint's settings; 404 for an unknown one, 409 for another's URL.</summary>
    [Alias("Update")]
    Task<WebhookEndpoint> UpdateAsync(string endpointId, WebhookEndpointSettings settings);

    /// <summary>Removes an endpoint; its pending deliveries are cancelled. 404 for an unknown one.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string endpointId);

    /// <summary>The latest deliveries, newest first, of one endpoint or of all (null).</summary>
    [Alias("Deliveries"), ReadOnly]
    Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(string? endpointId, int max);

    /// <summary>Queues a <see cref="WebhookEventTypes.Test"/> delivery to the endpoint (sent like any other); 404 for an unknown one.</summary>
    [Alias("SendTest")]
    Task<WebhookDelivery> SendTestAsync(string endpointId);
}
