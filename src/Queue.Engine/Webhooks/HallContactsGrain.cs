using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Engine.Grains;
using Queue.Engine.Persistence;

namespace Queue.Engine.Webhooks;

/// <summary>
/// The phones citizens gave for notifications today, sealed before they arrive (the grain never sees a number in
/// clear). On the first call of a new business day (the hall's time zone) every contact is dropped and the emptied state
/// written; the webhook relay calls <see cref="DropPastAsync"/> every minute, so a quiet hall drops them too.
/// </summary>
public sealed class HallContactsGrain(
    [PersistentState("contacts", QueueGrainStorage.ProviderName)] IPersistentState<HallContactsState> state,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<HallContactsState>(state), IHallContactsGrain
{
    /// <summary>A day's contacts per hall: far above the busiest hall's tickets.</summary>
    public const int MaxContacts = 50_000;

    private string? _timeZone;

    private string HallId => this.GetPrimaryKeyString();

    public async Task RememberAsync(string ticketId, string themeCode, string displayNumber, string? sealedPhone)
    {
        await DropPastAsync();
        var known = State.Contacts.GetValueOrDefault(ticketId);
        sealedPhone ??= known?.SealedPhone;
        if (sealedPhone is null || (known is null && State.Contacts.Count >= MaxContacts))
        {
            return;
        }

        State.Contacts[ticketId] = new NotifyContact(themeCode, displayNumber, sealedPhone);
        await SaveAsync();
    }

    public async Task<string?> FindAsync(string ticketId) =>
        await IsToday() ? State.Contacts.GetValueOrDefault(ticketId)?.SealedPhone : null;

    public async Task<string?> FindByNumberAsync(string themeCode, string displayNumber)
    {
        if (!await IsToday())
        {
            return null;
        }

        var found = State.Contacts.FirstOrDefault(c => c.Value.ThemeCode == themeCode && c.Value.DisplayNumber == displayNumber).Key;
        if (found is not null)
        {
            return found;
        }

        // Stored before its ticket was issued and the web node has not yet added the number: the ticket itself knows it.
        foreach (var (ticketId, _) in State.Contacts.Where(c => c.Value.ThemeCode == themeCode && c.Value.DisplayNumber.Length == 0).ToList())
        {
            try
            {
                if ((await GrainFactory.GetGrain<ITicketGrain>(ticketId).GetAsync()).DisplayNumber == displayNumber)
                {
                    return ticketId;
                }
            }
            catch (QueueRuleException)
            {
                // Not issued (refused, or not yet committed): not this number.
            }
        }

        return null;
    }

    public async Task<int> DropPastAsync()
    {
        var today = await Today();
        if (State.Day != today)
        {
            var had = State.Contacts.Count > 0;
            State.Day = today;
            State.Contacts.Clear();
            if (had)
            {
                await SaveAsync();
            }
        }

        return State.Contacts.Count;
    }

    private async Task<bool> IsToday() => State.Day == await Today();

    private async Task<DateOnly> Today()
    {
        _timeZone ??= (await GrainFactory.GetGrain<IHallGrain>(HallId).GetConfigAsync())?.TimeZone ?? "Asia/Shanghai";
        return BusinessClock.Day(clock.GetUtcNow(), _timeZone);
    }
}
