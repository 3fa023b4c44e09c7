using System.Globalization;

namespace Queue.LoadTests.Push;

/// <summary>
/// How many connections one process may hold: each WebSocket is a file descriptor in the generator and another in the
/// product (a separate process with the same limit), so the per-process open-file limit (RLIMIT_NOFILE, which .NET
/// raises to the hard limit at start-up) caps the watchers a run can hold; <see cref="Reserve"/> is left for
/// everything else (HTTP pools, SQLite, assemblies, sockets of the silo).
/// </summary>
public static class OpenFiles
{
    public const int Reserve = 1_000;

    /// <summary>This process's soft open-file limit from /proc/self/limits; null where it cannot be read (not Linux) or is unlimited.</summary>
    public static long? Limit()
    {
        try
        {
            return File.Exists("/proc/self/limits") ? Parse(File.ReadAllLines("/proc/self/limits")) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The soft limit in /proc/&lt;pid&gt;/limits' "Max open files" line; null if missing or unlimited.</summary>
    public static long? Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var line = lines.FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
    }

    /// <summary>The watchers a run can hold: <paramref name="asked"/>, or fewer so that each process keeps <see cref="Reserve"/> descriptors.</summary>
    public static int Fit(int asked, long? limit) =>
        limit is { } l && asked > l - Reserve ? (int)Math.Max(1, l - Reserve) : asked;
}
