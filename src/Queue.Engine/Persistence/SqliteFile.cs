using Microsoft.Data.Sqlite;

namespace Queue.Engine.Persistence;

/// <summary>
/// How the engine opens its SQLite files (the grain state file with its relay cursors, and the embedded time-series
/// file): the file's folder is created if missing, the file if it does not exist; every connection is in WAL mode with
/// <c>synchronous=FULL</c> (a committed transaction survives a crash) and waits up to 30 s for a lock. The state store
/// also opens with a private cache and enforces foreign keys.
/// </summary>
internal sealed class SqliteFile
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteFile(string path, bool privateCacheAndForeignKeys = false)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 };
        _pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        if (privateCacheAndForeignKeys)
        {
            builder.Cache = SqliteCacheMode.Private;
            builder.Pooling = true;
            _pragmas += " PRAGMA foreign_keys=ON;";
        }

        _connectionString = builder.ToString();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, _pragmas);
        return connection;
    }

    /// <summary>Opens a connection, runs <paramref name="sql"/> (e.g. a schema's <c>CREATE … IF NOT EXISTS</c>) and closes it.</summary>
    public void Execute(string sql)
    {
        using var connection = Open();
        Execute(connection, sql);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
