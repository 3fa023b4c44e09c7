using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Queue.Engine.Hosting;

/// <summary>
/// Why the state store does not answer, in words an operator can act on, in English and Chinese: "database "queue"
/// does not exist on PostgreSQL at 127.0.0.1:5432", "cannot connect to PostgreSQL at 127.0.0.1:5433", rather than the
/// exception's type. Readiness says it in its body.
/// </summary>
public static class StoreProblem
{
    public static (string En, string Zh) Explain(Exception error, string? postgresConnection, TimeSpan limit)
    {
        var (at, database, user) = Describe(postgresConnection);
        var seconds = limit.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return Unwrap(error) switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                ($"database \"{database}\" does not exist on PostgreSQL at {at}: create it (docs/cluster.md)",
                 $"PostgreSQL（{at}）上没有数据库“{database}”：请先创建（见 docs/cluster.md）"),
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
                ($"PostgreSQL at {at} refused user \"{user}\": {pg.MessageText}", $"PostgreSQL（{at}）拒绝用户“{user}”登录：{pg.MessageText}"),
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg =>
                ($"user \"{user}\" may not create or use Queue's tables in database \"{database}\" on {at}: {pg.MessageText}",
                 $"用户“{user}”无权在数据库“{database}”（{at}）中建表或读写：{pg.MessageText}"),
            PostgresException pg =>
                ($"PostgreSQL at {at} answered {pg.SqlState}: {pg.MessageText}", $"PostgreSQL（{at}）报错 {pg.SqlState}：{pg.MessageText}"),
            NpgsqlException { InnerException: SocketException socket } =>
                ($"cannot connect to PostgreSQL at {at}: {socket.Message}", $"无法连接 PostgreSQL（{at}）：{socket.Message}"),
            NpgsqlException { InnerException: TimeoutException } or TimeoutException or OperationCanceledException when postgresConnection is not null =>
                ($"PostgreSQL at {at} did not answer within {seconds} s", $"PostgreSQL（{at}）{seconds} 秒内没有应答"),
            NpgsqlException npgsql =>
                ($"cannot use PostgreSQL at {at}: {npgsql.Message}", $"无法使用 PostgreSQL（{at}）：{npgsql.Message}"),
            SqliteException sqlite =>
                ($"the SQLite store answers error {sqlite.SqliteErrorCode}: {sqlite.Message}", $"SQLite 存储报错 {sqlite.SqliteErrorCode}：{sqlite.Message}"),
            TimeoutException or OperationCanceledException =>
                ($"the store did not answer within {seconds} s", $"存储 {seconds} 秒内没有应答"),
            var other => ($"the store failed: {other.GetType().Name}: {other.Message}", $"存储出错：{other.GetType().Name}：{other.Message}"),
        };
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;

    private static (string At, string Database, string User) Describe(string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            return ("?", "?", "?");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connection);
            var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
            return ($"{host}:{builder.Port}", builder.Database ?? builder.Username ?? "?", builder.Username ?? "?");
        }
        catch (ArgumentException)
        {
            return ("?", "?", "?");
        }
    }
}
