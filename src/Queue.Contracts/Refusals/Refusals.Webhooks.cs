using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of webhook endpoints and of phone numbers given for notifications.</summary>
public static partial class Refusals
{
    public static QueueRuleException WebhookUrl() => Make(ProblemKind.Unprocessable, "webhook-url", nameof(T.WebhookUrl));

    public static QueueRuleException WebhookSecret(int minLength, int maxLength) =>
        Make(ProblemKind.Unprocessable, "webhook-secret", nameof(T.WebhookSecret), minLength, maxLength);

    public static QueueRuleException WebhookEventTypes() => Make(ProblemKind.Unprocessable, "webhook-event-types", nameof(T.WebhookEventTypes));

    public static QueueRuleException WebhookEventType(string type) => Make(ProblemKind.Unprocessable, "webhook-event-type", nameof(T.WebhookEventType), type);

    public static QueueRuleException WebhookNearTurn(int min, int max) => Make(ProblemKind.Unprocessable, "webhook-near-turn", nameof(T.WebhookNearTurn), min, max);

    public static QueueRuleException WebhookExists(string url) => Make(ProblemKind.Conflict, "webhook-exists", nameof(T.WebhookExists), url);

    public static QueueRuleException WebhookNotFound(string endpointId) => Make(ProblemKind.NotFound, "webhook-not-found", nameof(T.WebhookNotFound), endpointId);

    public static QueueRuleException TooManyWebhooks(int max) => Make(ProblemKind.Conflict, "too-many-webhooks", nameof(T.TooManyWebhooks), max);

    public static QueueRuleException NotifyConsent() => Make(ProblemKind.Unprocessable, "notify-consent", nameof(T.NotifyConsent));
}
