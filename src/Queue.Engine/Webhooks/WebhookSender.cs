using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Contracts.Grains;
using Queue.Contracts.Security;
using Queue.Contracts.Webhooks;

namespace Queue.Engine.Webhooks;

/// <summary>
/// Sends the planned deliveries that are due: claims a batch under a lease (so a delivery is attempted by one silo at a
/// time, and again after the lease if its sender died mid-request), signs each body (<see cref="WebhookSignature"/>)
/// and POSTs it with a bounded number of requests in flight. A 2xx answer marks it delivered; anything else (an error
/// status, a refused connection, a timeout) schedules the next attempt with a doubling backoff, until
/// <see cref="WebhookOptions.MaxAttempts"/> or <see cref="WebhookOptions.MaxAge"/> marks it failed. A receiver may thus
/// get an event more than once (a lost answer, a restart mid-request) and dedupes by <c>X-Queue-Event-Id</c>.
/// </summary>
public sealed class WebhookSender(
    IWebhookDeliveryStore deliveries, IGrainFactory grains, IHttpClientFactory http, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger)
    : BackgroundService
{
    public const string HttpClientName = "queue-webhooks";

    private readonly TimeProvider _clock = TimeProvider.System;
    private byte[]? _phoneKey;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var sent = await SendDueAsync(stoppingToken);
                failures = 0;
                wait = sent > 0 ? TimeSpan.FromMilliseconds(1) : settings.PollInterval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = settings.Backoff(failures);
                logger.LogWarning(failures == 1 ? ex : null, "Sending webhooks failed ({Failures} in a row): {Error}; retrying in {Wait}", failures, ex.Message, wait);
            }

            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Attempts the deliveries due now, up to <see cref="WebhookOptions.MaxConcurrency"/> at once; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var claimed = await deliveries.ClaimDueAsync(_clock.GetUtcNow(), settings.Lease, settings.MaxConcurrency, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var endpoints = new Dictionary<string, IReadOnlyList<WebhookEndpoint>>(StringComparer.Ordinal);
        foreach (var hallId in claimed.Select(c => c.HallId).Distinct(StringComparer.Ordinal))
        {
            endpoints[hallId] = await grains.GetGrain<IHallWebhooksGrain>(hallId).ListAsync();
        }

        await Task.WhenAll(claimed.Select(c => AttemptAsync(c, endpoints[c.HallId].FirstOrDefault(e => e.EndpointId == c.EndpointId), cancellationToken)));
        return claimed.Count;
    }

    private async Task AttemptAsync(ClaimedDelivery delivery, WebhookEndpoint? endpoint, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (endpoint is null || (!endpoint.Enabled && delivery.Type != WebhookEventTypes.Test))
        {
            await deliveries.CancelAsync(delivery.HallId, delivery.EndpointId, group: null, cancellationToken);
            return;
        }

        string? error;
        try
        {
            var body = WebhookPayload.WithPhone(delivery.Body, await PhoneAsync(delivery));
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
            };
            request.Headers.Add(WebhookSignature.EventIdHeader, delivery.EventId);
            request.Headers.Add(WebhookSignature.EventTypeHeader, delivery.Type);
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret, _clock.GetUtcNow().ToUnixTimeSeconds(), body));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.RequestTimeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                await deliveries.DeliveredAsync(delivery.Id, _clock.GetUtcNow(), CancellationToken.None);
                return;
            }

            error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping: the lease runs out and the delivery is attempted again, by this silo after its restart or by another.
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            error = ex is OperationCanceledException ? $"timeout after {settings.RequestTimeout.TotalSeconds:0.#} s" : ex.Message;
        }

        var now = _clock.GetUtcNow();
        var next = now + settings.Backoff(delivery.Attempts);
        var giveUp = delivery.Attempts >= settings.MaxAttempts || next - delivery.FirstDueAt > settings.MaxAge;
        await deliveries.AttemptFailedAsync(delivery.Id, Truncate(error), giveUp ? null : next, CancellationToken.None);
        logger.LogInformation(
            "Webhook {EventId} to {EndpointId} of {HallId}: attempt {Attempts} failed ({Error}); {Next}",
            delivery.EventId, delivery.EndpointId, delivery.HallId, delivery.Attempts, error, giveUp ? "given up" : $"next at {next:O}");
    }

    /// <summary>The phone the citizen gave for notifications with this ticket, opened; null when none was given (or the day is over).</summary>
    private async Task<string?> PhoneAsync(ClaimedDelivery delivery)
    {
        if (delivery.ContactRef is not { } reference)
        {
            return null;
        }

        var contacts = grains.GetGrain<IHallContactsGrain>(delivery.HallId);
        var ticketId = WebhookPlanner.ReadNumberRef(reference) is { } number ? await contacts.FindByNumberAsync(number.ThemeCode, number.Number) : reference;
        if (ticketId is null)
        {
            return null;
        }

        var sealedPhone = await contacts.FindAsync(ticketId);
        if (sealedPhone is null)
        {
            return null;
        }

        _phoneKey ??= NotifyPhoneSeal.DeriveKey(await grains.GetGrain<ISecretsGrain>(0).GetAsync());
        return NotifyPhoneSeal.Open(_phoneKey, ticketId, sealedPhone);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
