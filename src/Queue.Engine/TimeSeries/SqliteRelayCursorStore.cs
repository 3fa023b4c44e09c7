using Microsoft.Data.Sqlite;
using Queue.Engine.Persistence;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// Relay cursors in the table <c>relay_cursor</c> of the grain state file (WAL, so the journal's writer and this one
/// take turns; <c>synchronous=FULL</c>, so a cursor that was set survives a crash). A cursor never moves back.
/// </summary>
public sealed class SqliteRelayCursorStore : IRelayCursorStore
{
    private readonly SqliteFile _file;

    public SqliteRelayCursorStore(string path)
    {
        _file = new SqliteFile(path);
        _file.Execute("""
            CREATE TABLE IF NOT EXISTS relay_cursor (
                sink    TEXT NOT NULL,
                hall_id TEXT NOT NULL,
                seq     INTEGER NOT NULL,
                PRIMARY KEY (sink, hall_id)
            ) WITHOUT ROWID;
            """);
    }

    public Task<long> GetAsync(string sink, string hallId, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq FROM relay_cursor WHERE sink = $sink AND hall_id = $hall";
            command.Parameters.AddWithValue("$sink", sink);
            command.Parameters.AddWithValue("$hall", hallId);
            return command.ExecuteScalar() is long seq ? seq : 0L;
        }, cancellationToken);

    public Task SetAsync(string sink, string hallId, long sequence, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO relay_cursor (sink, hall_id, seq) VALUES ($sink, $hall, $seq)
                ON CONFLICT (sink, hall_id) DO UPDATE SET seq = max(seq, excluded.seq)
                """;
            command.Parameters.AddWithValue("$sink", sink);
            command.Parameters.AddWithValue("$hall", hallId);
            command.Parameters.AddWithValue("$seq", sequence);
            command.ExecuteNonQuery();
        }, cancellationToken);

    private SqliteConnection Open() => _file.Open();
}
