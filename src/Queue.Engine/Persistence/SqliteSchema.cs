namespace Queue.Engine.Persistence;

internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            etag       INTEGER NOT NULL,
            payload    BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS grain_row (
            grain_type TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            row_key    TEXT NOT NULL,
            payload    BLOB NOT NULL,
            PRIMARY KEY (grain_type, grain_key, row_key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS hall_sequence (
            hall_id TEXT PRIMARY KEY,
            seq     INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS hall_event (
            hall_id    TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            at_ms      INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            ticket_id  TEXT,
            theme_code TEXT,
            window_no  INTEGER,
            body       TEXT NOT NULL,
            PRIMARY KEY (hall_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS hall_event_ticket ON hall_event (ticket_id) WHERE ticket_id IS NOT NULL;
        """;
}
