using System.Globalization;

namespace Queue.TestSupport;

/// <summary>
/// A real PostgreSQL 15 from Debian (<c>apt-get install postgresql</c>) in a temp directory: initdb, then pg_ctl
/// start on 127.0.0.1 and a free port, its socket inside the directory. As root it runs as the postgres user
/// (PostgreSQL refuses root). Stopped with pg_ctl (immediate) at the end.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();
    private bool _started;

    public int Port { get; } = FreePort.Next();

    public string DataDirectory => _directory.File("data");

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=10;Command Timeout=30";

    public async Task StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException($"{Bin}/initdb is missing: run ./scripts/test.sh (it installs postgresql) or apt-get install -y postgresql");
        }

        if (Shell.IsRoot)
        {
            await Shell.RunAsync("chown", ["-R", "postgres:postgres", _directory.Path], Limit);
        }

        await AsPostgres("initdb", "-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await AsPostgres("pg_ctl", "-D", DataDirectory, "-l", _directory.File("postgres.log"), "-w", "-t", "30",
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_directory.Path} -c fsync=on", "start");
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await AsPostgres("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop");
        }

        _directory.Dispose();
    }

    private Task AsPostgres(string program, params string[] arguments) => Shell.IsRoot
        ? Shell.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, program), .. arguments], Limit)
        : Shell.RunAsync(Path.Combine(Bin, program), arguments, Limit);
}
