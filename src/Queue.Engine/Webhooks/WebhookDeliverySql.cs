using System.Data.Common;
using Queue.Contracts.Webhooks;

namespace Queue.Engine.Webhooks;

/// <summary>
/// The delivery log's SQL, one text for both dialects (SQLite and PostgreSQL): the stores pass their own placeholders.
/// Instants are Unix milliseconds. <c>status</c> is <see cref="WebhookDeliveryStatus"/>.
/// </summary>
internal static class WebhookDeliverySql
{
    public static string Schema(string idColumn) => $"""
        CREATE TABLE IF NOT EXISTS webhook_delivery (
            id           {idColumn},
            hall_id      TEXT NOT NULL,
            endpoint_id  TEXT NOT NULL,
            event_id     TEXT NOT NULL,
            type         TEXT NOT NULL,
            body         TEXT NOT NULL,
            contact_ref  TEXT NULL,
            grp          TEXT NULL,
            status       INTEGER NOT NULL,
            attempts     INTEGER NOT NULL,
            last_error   TEXT NULL,
            created_at   BIGINT NOT NULL,
            first_due_at BIGINT NOT NULL,
            next_at      BIGINT NULL,
            lease_until  BIGINT NULL,
            delivered_at BIGINT NULL,
            UNIQUE (hall_id, endpoint_id, event_id)
        );
        CREATE INDEX IF NOT EXISTS webhook_delivery_due ON webhook_delivery (status, next_at);
        CREATE INDEX IF NOT EXISTS webhook_delivery_log ON webhook_delivery (hall_id, id);
        """;

    /// <summary>
    /// Plans a delivery once; planning one again changes nothing, except that a grouped one (a booking's reminder) that
    /// was cancelled is pending again: a booking moved away and back, or a relay pass repeated after it cancelled the
    /// group before it could move its cursor, plans the reminders of the booking's current slot again.
    /// </summary>
    public static string Insert(string hall, string endpoint, string eventId, string type, string body, string contact, string group, string now, string due) => $"""
        INSERT INTO webhook_delivery (hall_id, endpoint_id, event_id, type, body, contact_ref, grp, status, attempts, created_at, first_due_at, next_at)
        VALUES ({hall}, {endpoint}, {eventId}, {type}, {body}, {contact}, {group}, 0, 0, {now}, {due}, {due})
        ON CONFLICT (hall_id, endpoint_id, event_id) DO UPDATE SET status = 0, next_at = webhook_delivery.first_due_at
        WHERE webhook_delivery.status = 3 AND webhook_delivery.grp IS NOT NULL
        """;

    public static string Claim(string now, string until, string max, bool skipLocked) => $"""
        UPDATE webhook_delivery SET attempts = attempts + 1, lease_until = {until}
        WHERE id IN (
            SELECT id FROM webhook_delivery
            WHERE status = 0 AND next_at <= {now} AND (lease_until IS NULL OR lease_until <= {now})
            ORDER BY next_at, id LIMIT {max}{(skipLocked ? " FOR UPDATE SKIP LOCKED" : "")})
        RETURNING id, hall_id, endpoint_id, event_id, type, body, contact_ref, attempts, first_due_at
        """;

    public static string Delivered(string id, string at) =>
        $"UPDATE webhook_delivery SET status = 1, delivered_at = {at}, next_at = NULL, lease_until = NULL, last_error = NULL WHERE id = {id}";

    public static string AttemptFailed(string id, string error, string next) => $"""
        UPDATE webhook_delivery SET status = CASE WHEN {next} IS NULL THEN 2 ELSE 0 END, next_at = {next}, last_error = {error}, lease_until = NULL
        WHERE id = {id} AND status = 0
        """;

    public static string Cancel(string hall, string endpoint, string group) => $"""
        UPDATE webhook_delivery SET status = 3, next_at = NULL
        WHERE hall_id = {hall} AND status = 0 AND ({endpoint} IS NULL OR endpoint_id = {endpoint}) AND ({group} IS NULL OR grp = {group})
        """;

    /// <summary>Deletes the finished deliveries (delivered, failed, cancelled) planned before <paramref name="before"/>; pending ones stay.</summary>
    public static string Prune(string before) => $"DELETE FROM webhook_delivery WHERE status IN (1, 2, 3) AND created_at < {before}";

    public static string List(string hall, string endpoint, string max) => $"""
        SELECT endpoint_id, event_id, type, status, attempts, last_error, created_at, next_at, delivered_at FROM webhook_delivery
        WHERE hall_id = {hall} AND ({endpoint} IS NULL OR endpoint_id = {endpoint}) ORDER BY id DESC LIMIT {max}
        """;

    public static List<ClaimedDelivery> ReadClaimed(DbDataReader reader)
    {
        using (reader)
        {
            var claimed = new List<ClaimedDelivery>();
            while (reader.Read())
            {
                claimed.Add(new ClaimedDelivery(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), Convert.ToInt32(reader.GetValue(7)), Instant(reader.GetInt64(8))));
            }

            return claimed;
        }
    }

    public static List<WebhookDelivery> ReadLog(DbDataReader reader)
    {
        using (reader)
        {
            var log = new List<WebhookDelivery>();
            while (reader.Read())
            {
                log.Add(new WebhookDelivery(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), (WebhookDeliveryStatus)Convert.ToInt32(reader.GetValue(3)),
                    Convert.ToInt32(reader.GetValue(4)), reader.IsDBNull(5) ? null : reader.GetString(5), Instant(reader.GetInt64(6)),
                    reader.IsDBNull(7) ? null : Instant(reader.GetInt64(7)), reader.IsDBNull(8) ? null : Instant(reader.GetInt64(8))));
            }

            return log;
        }
    }

    private static DateTimeOffset Instant(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
