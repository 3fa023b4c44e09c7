using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Webhooks;
using Queue.Engine.Grains;
using Queue.Engine.Persistence;

namespace Queue.Engine.Webhooks;

/// <summary>
/// One hall's webhook endpoints. The relay and the sender read them (one call per pass, never per event); the delivery
/// log is read from <see cref="IWebhookDeliveryStore"/>, off the grain's state.
/// </summary>
public sealed class HallWebhooksGrain(
    [PersistentState("webhooks", QueueGrainStorage.ProviderName)] IPersistentState<HallWebhooksState> state,
    IWebhookDeliveryStore deliveries,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<HallWebhooksState>(state), IHallWebhooksGrain
{
    /// <summary>Far above what a hall's SMS and WeChat providers need; each endpoint gets every event it subscribes to.</summary>
    public const int MaxEndpoints = 20;

    private string HallId => this.GetPrimaryKeyString();

    public Task<IReadOnlyList<WebhookEndpoint>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>([.. State.Endpoints.Values.OrderBy(e => e.CreatedAt).ThenBy(e => e.EndpointId, StringComparer.Ordinal)]);

    public async Task<WebhookEndpoint> AddAsync(WebhookEndpointSettings settings, string createdBy)
    {
        if (State.Endpoints.Count >= MaxEndpoints)
        {
            throw Refusals.TooManyWebhooks(MaxEndpoints);
        }

        EnsureUniqueUrl(settings.Url, exceptId: null);
        string id;
        do
        {
            id = "w" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        }
        while (State.Endpoints.ContainsKey(id));

        var now = clock.GetUtcNow();
        var endpoint = new WebhookEndpoint(id, settings.Url, settings.Secret, settings.EventTypes, settings.Enabled, settings.NearTurnAhead, now, createdBy, now);
        State.Endpoints[id] = endpoint;
        await SaveAsync();
        return endpoint;
    }

    public async Task<WebhookEndpoint> UpdateAsync(string endpointId, WebhookEndpointSettings settings)
    {
        var endpoint = Find(endpointId);
        EnsureUniqueUrl(settings.Url, endpointId);
        var updated = endpoint with
        {
            Url = settings.Url,
            Secret = settings.Secret,
            EventTypes = settings.EventTypes,
            Enabled = settings.Enabled,
            NearTurnAhead = settings.NearTurnAhead,
            UpdatedAt = clock.GetUtcNow(),
        };
        State.Endpoints[endpointId] = updated;
        await SaveAsync();
        return updated;
    }

    public async Task RemoveAsync(string endpointId)
    {
        Find(endpointId);
        State.Endpoints.Remove(endpointId);
        await SaveAsync();
        await deliveries.CancelAsync(HallId, endpointId, group: null);
    }

    public Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(string? endpointId, int max)
    {
        if (endpointId is not null)
        {
            Find(endpointId);
        }

        return deliveries.ListAsync(HallId, endpointId, Math.Clamp(max, 1, 500));
    }

    public async Task<WebhookDelivery> SendTestAsync(string endpointId)
    {
        var endpoint = Find(endpointId);
        var now = clock.GetUtcNow();
        var eventId = $"{HallId}:test:{Guid.NewGuid():N}";
        var body = WebhookPayload.Test(eventId, now, HallId);
        var planned = new PlannedDelivery(HallId, endpoint.EndpointId, eventId, WebhookEventTypes.Test, body, ContactRef: null, Group: null, DueAt: null);
        await deliveries.AddAsync([planned]);
        return new WebhookDelivery(endpoint.EndpointId, eventId, WebhookEventTypes.Test, WebhookDeliveryStatus.Pending, 0, null, now, now, null);
    }

    private WebhookEndpoint Find(string endpointId) => State.Endpoints.GetValueOrDefault(endpointId) ?? throw Refusals.WebhookNotFound(endpointId);

    private void EnsureUniqueUrl(string url, string? exceptId)
    {
        if (State.Endpoints.Values.Any(e => e.EndpointId != exceptId && string.Equals(e.Url, url, StringComparison.OrdinalIgnoreCase)))
        {
            throw Refusals.WebhookExists(url);
        }
    }
}
