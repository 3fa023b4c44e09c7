using System.Buffers.Text;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Webhooks;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>What a manager sends for an endpoint; a missing secret is generated (add) or kept (update).</summary>
public sealed record WebhookRequest(string? Url, string? Secret, IReadOnlyList<string>? EventTypes, bool? Enabled, int? NearTurnAhead);

/// <summary>
/// A hall's webhook endpoints (manager of the hall, administrators): register, list, change, remove, send a test, and
/// the delivery log. The secret is returned whole only when it is set (add, or an update that sets one); lists mask it.
/// </summary>
public static partial class WebhookEndpoints
{
    public const int MaxUrlLength = 500;
    public const int MaxSecretLength = 200;
    public const int MaxNearTurnAhead = 20;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var hooks = routes.MapGroup("/api/halls/{hallId}/webhooks").WithTags("Webhooks").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(404);
        hooks.MapGet("/", List).WithSummary("Webhook 列表（密钥只显示末四位）/ The hall's webhook endpoints, secrets masked");
        hooks.MapPost("/", Add).ProducesBodyRefusals().ProducesRefusals(409, 422)
            .WithSummary("登记 Webhook：地址、密钥（不填则生成，仅此一次返回）、事件类型 / Register a webhook: URL, secret (generated when left out; returned only now), event types");
        hooks.MapPut("/{webhookId}", Update).ProducesBodyRefusals().ProducesRefusals(409, 422)
            .WithSummary("修改 Webhook（不填密钥则保留原密钥）/ Change a webhook (a missing secret keeps the current one)");
        hooks.MapDelete("/{webhookId}", Remove).WithSummary("删除 Webhook，未发出的投递随之取消 / Remove a webhook; its pending deliveries are cancelled");
        hooks.MapPost("/{webhookId}/test", SendTest).WithSummary("发送测试事件 webhook.test / Send a test event");
        hooks.MapGet("/deliveries", Deliveries).ProducesRefusals(400)
            .WithSummary("投递记录（新的在前）：状态、尝试次数、最近错误、下次重试 / The delivery log, newest first: status, attempts, last error, next retry");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpoint>>> List(string hallId, IGrainFactory grains)
    {
        await RequestRules.ExistingHall(grains, hallId);
        var endpoints = await grains.GetGrain<IHallWebhooksGrain>(hallId).ListAsync();
        return TypedResults.Ok<IReadOnlyList<WebhookEndpoint>>([.. endpoints.Select(e => e.Masked())]);
    }

    private static async Task<Created<WebhookEndpoint>> Add(string hallId, WebhookRequest? request, HttpContext http, IGrainFactory grains, ILoggerFactory logs)
    {
        await RequestRules.ExistingHall(grains, hallId);
        var settings = Settings(RequestRules.Body(request), currentSecret: null);
        var endpoint = await grains.GetGrain<IHallWebhooksGrain>(hallId).AddAsync(settings, http.Caller().Id);
        logs.Audit().LogInformation("Webhook {WebhookId} registered in {HallId} by {Caller}", endpoint.EndpointId, hallId, http.Caller().Id);
        return TypedResults.Created($"/api/halls/{hallId}/webhooks/{endpoint.EndpointId}", endpoint);
    }

    private static async Task<Ok<WebhookEndpoint>> Update(
        string hallId, string webhookId, WebhookRequest? request, HttpContext http, IGrainFactory grains, ILoggerFactory logs)
    {
        await RequestRules.ExistingHall(grains, hallId);
        var current = await Existing(grains, hallId, webhookId);
        var body = RequestRules.Body(request);
        var endpoint = await grains.GetGrain<IHallWebhooksGrain>(hallId).UpdateAsync(webhookId, Settings(body, current.Secret));
        logs.Audit().LogInformation("Webhook {WebhookId} in {HallId} changed by {Caller}", webhookId, hallId, http.Caller().Id);
        return TypedResults.Ok(body.Secret is null ? endpoint.Masked() : endpoint);
    }

    private static async Task<NoContent> Remove(string hallId, string webhookId, HttpContext http, IGrainFactory grains, ILoggerFactory logs)
    {
        await RequestRules.ExistingHall(grains, hallId);
        await grains.GetGrain<IHallWebhooksGrain>(hallId).RemoveAsync(Id(webhookId));
        logs.Audit().LogInformation("Webhook {WebhookId} in {HallId} removed by {Caller}", webhookId, hallId, http.Caller().Id);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<WebhookDelivery>> SendTest(string hallId, string webhookId, IGrainFactory grains)
    {
        await RequestRules.ExistingHall(grains, hallId);
        var delivery = await grains.GetGrain<IHallWebhooksGrain>(hallId).SendTestAsync(Id(webhookId));
        return TypedResults.Accepted((string?)null, delivery);
    }

    private static async Task<Ok<IReadOnlyList<WebhookDelivery>>> Deliveries(string hallId, string? webhookId, string? max, IGrainFactory grains)
    {
        await RequestRules.ExistingHall(grains, hallId);
        var count = (int)RequestRules.Number(max, "max", 1, 500, 100);
        return TypedResults.Ok(await grains.GetGrain<IHallWebhooksGrain>(hallId).GetDeliveriesAsync(webhookId is null ? null : Id(webhookId), count));
    }

    private static async Task<WebhookEndpoint> Existing(IGrainFactory grains, string hallId, string webhookId)
    {
        var id = Id(webhookId);
        return (await grains.GetGrain<IHallWebhooksGrain>(hallId).ListAsync()).FirstOrDefault(e => e.EndpointId == id) ?? throw Refusals.WebhookNotFound(id);
    }

    /// <summary>An endpoint id as the grain makes them ("w" and 10 hex digits); anything else is not found.</summary>
    private static string Id(string webhookId) => WebhookIdPattern().IsMatch(webhookId) ? webhookId : throw Refusals.WebhookNotFound(webhookId.Length > 40 ? webhookId[..40] : webhookId);

    public static WebhookEndpointSettings Settings(WebhookRequest body, string? currentSecret)
    {
        var url = body.Url?.Trim();
        if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host) || uri.UserInfo.Length > 0 || url.Any(char.IsControl))
        {
            throw Refusals.WebhookUrl();
        }

        var secret = body.Secret ?? currentSecret ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        if (secret.Length is < WebhookEndpoint.MinSecretLength or > MaxSecretLength || secret.Any(char.IsControl))
        {
            throw Refusals.WebhookSecret(WebhookEndpoint.MinSecretLength, MaxSecretLength);
        }

        if (body.EventTypes is not { Count: > 0 } types)
        {
            throw Refusals.WebhookEventTypes();
        }

        foreach (var type in types)
        {
            if (type is null || !WebhookEventTypes.IsSubscribable(type))
            {
                throw Refusals.WebhookEventType(type is null ? "null" : type.Length > 40 ? type[..40] : type);
            }
        }

        var ahead = body.NearTurnAhead ?? WebhookEndpoint.DefaultNearTurnAhead;
        if (ahead is < 1 or > MaxNearTurnAhead)
        {
            throw Refusals.WebhookNearTurn(1, MaxNearTurnAhead);
        }

        var ordered = WebhookEventTypes.Subscribable.Where(types.Contains).ToImmutableArray();
        return new WebhookEndpointSettings(uri.AbsoluteUri, secret, ordered, body.Enabled ?? true, ahead);
    }

    [GeneratedRegex("^w[0-9a-f]{10}$")]
    private static partial Regex WebhookIdPattern();
}
