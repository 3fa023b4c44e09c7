using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts.Cases;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain.Cases;
using Queue.Engine.Persistence;
using Queue.Hosting;

namespace Queue.Engine.Grains;

/// <summary>
/// A hall's case book (回访整改 and 没办成). It reads the hall journal after its own cursor and asks the domain's
/// <see cref="CaseBook"/> which events open a case; the cases opened and the cursor are written in one transaction with
/// their CaseOpened events, so a crash can neither lose an opening (the journal still holds the event after the stored
/// cursor) nor double one (the stored cursor is past it, and the ticket + kind is remembered). It catches up before
/// every read and when <see cref="Cases.CaseOpener"/> asks.
/// </summary>
public sealed class HallCasesGrain(
    [PersistentState("cases", QueueGrainStorage.ProviderName)] IPersistentState<CaseBookState> state,
    IStateStore store,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<CaseBookState>(state), IHallCasesGrain
{
    /// <summary>Events read from the journal per query.</summary>
    public const int ReadBatch = 1000;

    /// <summary>A cursor that moved this far without opening a case is saved anyway, so a new activation does not read it all again.</summary>
    public const long CursorSaveDistance = 5000;

    private string HallId => this.GetPrimaryKeyString();

    public async Task<int> CatchUpAsync()
    {
        var (book, _) = await Book();
        var opened = 0;
        var saved = State.Cursor;
        while (true)
        {
            var events = await store.ReadEventsAsync(HallId, State.Cursor, ReadBatch);
            if (events.Count == 0)
            {
                break;
            }

            opened += book.Read(events);
            if (events.Count < ReadBatch)
            {
                break;
            }
        }

        if (book.Dirty || State.Cursor - saved >= CursorSaveDistance)
        {
            await SaveAsync();
        }

        return opened;
    }

    public async Task<CaseList> ListAsync(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await CatchUpAsync();
        return (await Book()).Book.List(query);
    }

    public async Task<CaseView> GetAsync(string caseId)
    {
        await CatchUpAsync();
        return (await Book()).Book.Get(caseId);
    }

    public async Task<CaseView> UpdateAsync(string caseId, CaseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        await CatchUpAsync();
        var (book, _) = await Book();
        var view = book.Update(caseId, update);
        if (book.Dirty)
        {
            await SaveAsync();
        }

        return view;
    }

    public async Task<CaseSettings> GetSettingsAsync()
    {
        await Book();
        return State.Settings;
    }

    public async Task<CaseSettings> SetSettingsAsync(CaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await Book();
        foreach (var (days, field) in new[] { (settings.FollowUpWorkingDays, "followUpWorkingDays"), (settings.NotDoneWorkingDays, "notDoneWorkingDays") })
        {
            if (days is < 1 or > CaseSettings.MaxWorkingDays)
            {
                throw Refusals.InvalidNumber(field, 1, CaseSettings.MaxWorkingDays);
            }
        }

        State.Settings = settings;
        await SaveAsync();
        return State.Settings;
    }

    public async Task<CaseCounts> GetCountsAsync()
    {
        await CatchUpAsync();
        return (await Book()).Book.Counts();
    }

    private async Task<(CaseBook Book, HallConfig Hall)> Book()
    {
        var hall = await GrainFactory.GetGrain<IHallGrain>(HallId).GetConfigAsync() ?? throw HallNotFound(HallId);
        return (new CaseBook(State, hall, clock.GetUtcNow()), hall);
    }
}
