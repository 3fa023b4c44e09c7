namespace Queue.Engine.Persistence;

/// <summary>
/// The PostgreSQL tables, the same as SQLite's (<see cref="SqliteSchema"/>), run through <see cref="PostgresSchemaGate"/>.
/// </summary>
internal static class PostgresSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type text NOT NULL,
            grain_key  text NOT NULL,
            etag       bigint NOT NULL,
            payload    bytea NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (grain_type, grain_key)
        );
        CREATE TABLE IF NOT EXISTS grain_row (
            grain_type text NOT NULL,
            grain_key  text NOT NULL,
            row_key    text NOT NULL,
            payload    bytea NOT NULL,
            PRIMARY KEY (grain_type, grain_key, row_key)
        );
        CREATE TABLE IF NOT EXISTS hall_sequence (
            hall_id text PRIMARY KEY,
            seq     bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS hall_event (
            hall_id    text NOT NULL,
            seq        bigint NOT NULL,
            at_ms      bigint NOT NULL,
            kind       text NOT NULL,
            ticket_id  text,
            theme_code text,
            window_no  integer,
            body       text NOT NULL,
            PRIMARY KEY (hall_id, seq)
        );
        CREATE INDEX IF NOT EXISTS hall_event_ticket ON hall_event (ticket_id) WHERE ticket_id IS NOT NULL;
        """;
}
