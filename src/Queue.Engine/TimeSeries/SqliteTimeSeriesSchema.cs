namespace Queue.Engine.TimeSeries;

/// <summary>
/// The embedded time series: raw events keyed by (hall, source, sequence), the identity that makes writes idempotent,
/// and rollups per hall, 15-minute bucket, theme, window and source. A rollup row changes only in the transaction
/// that inserts a new raw event, so the two always agree.
/// </summary>
internal static class SqliteTimeSeriesSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS ts_event (
            hall_id   TEXT NOT NULL,
            source    TEXT NOT NULL,
            seq       INTEGER NOT NULL,
            at_ms     INTEGER NOT NULL,
            kind      TEXT NOT NULL,
            theme     TEXT,
            window_no INTEGER,
            channel   TEXT,
            priority  TEXT,
            outcome   TEXT,
            wait_s    REAL,
            service_s REAL,
            rating    INTEGER,
            PRIMARY KEY (hall_id, source, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ts_event_completed ON ts_event (hall_id, at_ms) WHERE kind = 'ServiceCompleted';
        CREATE TABLE IF NOT EXISTS ts_rollup (
            hall_id       TEXT NOT NULL,
            bucket_ms     INTEGER NOT NULL,
            theme         TEXT NOT NULL,
            window_no     INTEGER NOT NULL,
            source        TEXT NOT NULL,
            issued        INTEGER NOT NULL,
            called        INTEGER NOT NULL,
            wait_sum_s    REAL NOT NULL,
            wait_max_s    REAL NOT NULL,
            on_time       INTEGER NOT NULL,
            completed     INTEGER NOT NULL,
            done          INTEGER NOT NULL,
            service_sum_s REAL NOT NULL,
            rated         INTEGER NOT NULL,
            rating_sum    INTEGER NOT NULL,
            satisfied     INTEGER NOT NULL,
            PRIMARY KEY (hall_id, bucket_ms, theme, window_no, source)
        ) WITHOUT ROWID;
        """;

    public const string InsertEvent = """
        INSERT INTO ts_event (hall_id, source, seq, at_ms, kind, theme, window_no, channel, priority, outcome, wait_s, service_s, rating, staff)
        VALUES ($hall, $source, $seq, $at, $kind, $theme, $window, $channel, $priority, $outcome, $wait, $service, $rating, $staff)
        ON CONFLICT (hall_id, source, seq) DO NOTHING
        """;

    /// <summary>
    /// The staff of a completion or a rating (the account signed in at the window), added to files made before it was kept;
    /// a rating's row also carries its wait (issue to first call) in <c>wait_s</c>.
    /// </summary>
    public const string StaffColumn = "staff";

    public const string AddStaffColumn = "ALTER TABLE ts_event ADD COLUMN staff TEXT";

    public const string AddToRollup = """
        INSERT INTO ts_rollup (hall_id, bucket_ms, theme, window_no, source, issued, called, wait_sum_s, wait_max_s, on_time,
                               completed, done, service_sum_s, rated, rating_sum, satisfied)
        VALUES ($hall, $bucket, $theme, $window, $source, $issued, $called, $wait_sum, $wait_max, $on_time,
                $completed, $done, $service_sum, $rated, $rating_sum, $satisfied)
        ON CONFLICT (hall_id, bucket_ms, theme, window_no, source) DO UPDATE SET
            issued = issued + excluded.issued, called = called + excluded.called,
            wait_sum_s = wait_sum_s + excluded.wait_sum_s, wait_max_s = max(wait_max_s, excluded.wait_max_s),
            on_time = on_time + excluded.on_time, completed = completed + excluded.completed, done = done + excluded.done,
            service_sum_s = service_sum_s + excluded.service_sum_s, rated = rated + excluded.rated,
            rating_sum = rating_sum + excluded.rating_sum, satisfied = satisfied + excluded.satisfied
        """;

    public const string ReadBuckets = """
        SELECT theme, window_no, bucket_ms, sum(issued), sum(called), sum(wait_sum_s), max(wait_max_s), sum(on_time),
               sum(completed), sum(done), sum(service_sum_s), sum(rated), sum(rating_sum), sum(satisfied)
        FROM ts_rollup WHERE hall_id = $hall AND bucket_ms >= $from AND bucket_ms < $to
        GROUP BY theme, window_no, bucket_ms ORDER BY bucket_ms, theme, window_no
        """;

    public const string ReadServices = """
        SELECT theme, at_ms, service_s FROM ts_event
        WHERE hall_id = $hall AND kind = 'ServiceCompleted' AND at_ms >= $from AND at_ms < $to ORDER BY at_ms
        """;
}
