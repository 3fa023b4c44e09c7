using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Engine.Persistence;
using Queue.Hosting;

namespace Queue.Engine.Grains;

/// <summary>
/// Remote tickets of one hall: loads the day's ledger, asks the theme which of the citizen's remote tickets are still
/// active, lets <see cref="RemoteTicketRules"/> decide, issues through the theme (whose calendar and cut-off apply as to
/// any ticket) and records the ticket. Not reentrant: the check and the record are one turn.
/// </summary>
public sealed class RemoteTicketsGrain(
    [PersistentState("remote", QueueGrainStorage.ProviderName)] IPersistentState<RemoteTicketsState> state,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<RemoteTicketsState>(state), IRemoteTicketsGrain
{
    public async Task<TicketSnapshot> TakeAsync(string themeCode, IssueTicket command, string addressKey)
    {
        var citizenKey = command.CitizenKey ?? throw Refusals.RemoteIdentity();
        if (command.Channel != IssueChannel.Remote)
        {
            throw Refusals.Forbidden();
        }

        var hallId = this.GetPrimaryKeyString();
        var hall = await GrainFactory.GetGrain<IHallGrain>(hallId).GetConfigAsync() ?? throw Refusals.HallNotFound(hallId);
        if (hall.FindTheme(themeCode) is null)
        {
            throw Refusals.ThemeNotFound(themeCode, hallId);
        }

        var theme = GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, themeCode));
        var rules = new RemoteTicketRules(State.Ledger, RemoteTicketLimits.Default, clock.GetUtcNow(), hall.TimeZone);
        rules.EnsureDay();
        if (rules.Retry(citizenKey, command.RequestId) is { } retried && retried.ThemeCode == themeCode)
        {
            return await theme.IssueAsync(command); // the theme answers a retried request id with its ticket
        }

        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (var earlier in rules.ForTheme(citizenKey, themeCode))
        {
            if ((await theme.FindAsync(earlier.TicketId))?.Ticket.IsActive == true)
            {
                active.Add(earlier.TicketId);
            }
        }

        rules.EnsureMayTake(citizenKey, addressKey, themeCode, active);
        var ticket = await theme.IssueAsync(command);
        rules.Record(citizenKey, addressKey, new RemoteTicketEntry(themeCode, ticket.TicketId, ticket.DisplayNumber, command.RequestId));
        if (rules.Dirty)
        {
            await SaveAsync();
        }

        return ticket;
    }
}
