using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>How many remote tickets a citizen and a client address may take in a hall per business day.</summary>
public sealed record RemoteTicketLimits(int PerCitizenPerDay = 3, int PerAddressPerDay = 30)
{
    public static RemoteTicketLimits Default { get; } = new();
}

/// <summary>
/// The rules of 线上取号 over a hall's <see cref="RemoteTicketLedger"/>: one active remote ticket per citizen and theme,
/// at most <see cref="RemoteTicketLimits.PerCitizenPerDay"/> a day per citizen (cancelled ones count, so cancelling does
/// not reopen the allowance) and <see cref="RemoteTicketLimits.PerAddressPerDay"/> per client address (many phones share
/// a carrier's address, so it is generous; the per-minute rate limit of the web tier stays in front). The calendar and the
/// theme's cut-off are the ticket's own rules (<see cref="ThemeLine.Issue"/>). No I/O: the grain asks which of the
/// citizen's tickets are still active and passes them in.
/// </summary>
public sealed class RemoteTicketRules(RemoteTicketLedger ledger, RemoteTicketLimits limits, DateTimeOffset now, string timeZone)
{
    public bool Dirty { get; private set; }

    /// <summary>A new business day starts an empty ledger.</summary>
    public void EnsureDay()
    {
        var today = BusinessClock.Day(now, timeZone);
        if (ledger.BusinessDay == today)
        {
            return;
        }

        ledger.BusinessDay = today;
        ledger.ByCitizen.Clear();
        ledger.ByAddress.Clear();
        Dirty = true;
    }

    /// <summary>The citizen's earlier remote ticket for the same request (a retry), if any.</summary>
    public RemoteTicketEntry? Retry(string citizenKey, string? requestId) =>
        requestId is null ? null : Taken(citizenKey).FirstOrDefault(e => e.RequestId == requestId);

    /// <summary>The citizen's remote tickets today for the theme: the grain asks which are still active.</summary>
    public IReadOnlyList<RemoteTicketEntry> ForTheme(string citizenKey, string themeCode) =>
        [.. Taken(citizenKey).Where(e => e.ThemeCode == themeCode)];

    /// <summary>Throws the refusal when the citizen or the address may not take another remote ticket for the theme.</summary>
    public void EnsureMayTake(string citizenKey, string addressKey, string themeCode, IReadOnlySet<string> activeTicketIds)
    {
        if (ForTheme(citizenKey, themeCode).FirstOrDefault(e => activeTicketIds.Contains(e.TicketId)) is { } active)
        {
            throw Refusals.RemoteActive(active.DisplayNumber);
        }

        if (Taken(citizenKey).Count >= limits.PerCitizenPerDay)
        {
            throw Refusals.RemoteCitizenLimit(limits.PerCitizenPerDay);
        }

        if (ledger.ByAddress.GetValueOrDefault(addressKey) >= limits.PerAddressPerDay)
        {
            throw Refusals.RemoteAddressLimit(limits.PerAddressPerDay);
        }
    }

    /// <summary>Counts a ticket taken; the same ticket twice (a retry) counts once.</summary>
    public void Record(string citizenKey, string addressKey, RemoteTicketEntry entry)
    {
        if (!ledger.ByCitizen.TryGetValue(citizenKey, out var taken))
        {
            ledger.ByCitizen[citizenKey] = taken = [];
        }

        if (taken.Any(e => e.TicketId == entry.TicketId))
        {
            return;
        }

        taken.Add(entry);
        ledger.ByAddress[addressKey] = ledger.ByAddress.GetValueOrDefault(addressKey) + 1;
        Dirty = true;
    }

    private List<RemoteTicketEntry> Taken(string citizenKey) => ledger.ByCitizen.GetValueOrDefault(citizenKey) ?? [];
}
