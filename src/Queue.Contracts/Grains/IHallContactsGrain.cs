using Orleans.Concurrency;

namespace Queue.Contracts.Grains;

/// <summary>
/// The phone numbers citizens gave for notifications with a ticket (key: hall id), sealed (AES-GCM under a key derived
/// from the installation's citizen key, <c>NotifyPhoneSeal</c>) before they reach this grain, and kept
/// only for the business day they were given on: on the next day they are dropped. Never journaled.
/// </summary>
[Alias("Queue.IHallContactsGrain")]
public interface IHallContactsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores (or, with a null <paramref name="sealedPhone"/>, updates the number of) a ticket's contact. The web node
    /// stores it before the ticket is issued, under the id it gives the issue (an empty number), then adds the number.
    /// </summary>
    [Alias("Remember")]
    Task RememberAsync(string ticketId, string themeCode, string displayNumber, string? sealedPhone);

    /// <summary>The sealed phone given with the ticket, or null.</summary>
    [Alias("Find"), ReadOnly]
    Task<string?> FindAsync(string ticketId);

    /// <summary>The ticket id of today's ticket <paramref name="displayNumber"/> of a theme that has a phone, or null.</summary>
    [Alias("FindByNumber"), ReadOnly]
    Task<string?> FindByNumberAsync(string themeCode, string displayNumber);

    /// <summary>Drops the numbers of past days; returns how many are kept.</summary>
    [Alias("DropPast")]
    Task<int> DropPastAsync();
}
