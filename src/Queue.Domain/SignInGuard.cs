namespace Queue.Domain;

/// <summary>
/// Wrong passwords per user name, wherever they come from: <see cref="MaxFailures"/> within <see cref="Window"/> lock
/// the name for <see cref="Window"/> after the last of them. Guessing from many addresses at once (which the
/// per-address rate limit cannot see) gets 10 tries a quarter of an hour. Kept in memory only: a restart forgives.
/// </summary>
public sealed class SignInGuard
{
    public const int MaxFailures = 10;
    public const int MaxNames = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public TimeSpan? LockedFor(string userName, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(userName, out var failures) || failures.Count < MaxFailures)
        {
            return null;
        }

        var (first, last) = (failures[0], failures[^1]);
        return last - first < Window && now < last + Window ? last + Window - now : null;
    }

    public void Failed(string userName, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(userName, out var failures))
        {
            if (_failures.Count >= MaxNames)
            {
                Forget(now);
            }

            _failures[userName] = failures = [];
        }

        failures.Add(now);
        if (failures.Count > MaxFailures)
        {
            failures.RemoveAt(0); // the last ten are all that decide
        }
    }

    public void Succeeded(string userName) => _failures.Remove(userName);

    /// <summary>
    /// A flood of made-up names fills the list: drop every name that is not locked now (its count matters only until
    /// its window passes), never a lock, so the flood cannot reset the name it is aimed at.
    /// </summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var name in _failures.Keys.Where(name => LockedFor(name, now) is null).ToList())
        {
            _failures.Remove(name);
        }
    }
}
