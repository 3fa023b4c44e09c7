using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>
/// A phone a citizen gives with a ticket for notifications (kiosk, phone, remote ticket): checked (400
/// <c>invalid-phone</c>; 422 <c>notify-consent</c> without consent), sealed on this web node under an id chosen for the
/// ticket, and stored in the hall's <see cref="IHallContactsGrain"/> <b>before</b> the ticket is issued with that id, so
/// the ticket's first journal event, and so its first notice, always finds it. Never journaled or logged.
/// </summary>
public sealed class NotifyContacts
{
    private readonly IGrainFactory _grains;
    private readonly QueueKeys _keys;
    private readonly string _hallId;
    private readonly string _themeCode;
    private readonly string? _phone;

    private NotifyContacts(IGrainFactory grains, QueueKeys keys, string hallId, string themeCode, string? phone)
    {
        (_grains, _keys, _hallId, _themeCode, _phone) = (grains, keys, hallId, themeCode, phone);
    }

    /// <summary>The id the ticket is to be issued with (the phone is stored under it), or null when no phone was given.</summary>
    public string? TicketId { get; private set; }

    public static async Task<NotifyContacts> StoreAsync(IGrainFactory grains, QueueKeys keys, string hallId, string themeCode, string? notifyPhone, bool? consent)
    {
        var phone = CitizenData.Phone(notifyPhone);
        if (phone is not null && consent != true)
        {
            throw Refusals.NotifyConsent();
        }

        var contacts = new NotifyContacts(grains, keys, hallId, themeCode, phone);
        if (phone is not null)
        {
            contacts.TicketId = GrainKeys.NewTicketId(hallId, themeCode);
            await contacts.Grain.RememberAsync(contacts.TicketId, themeCode, "", await keys.SealNotifyPhoneAsync(contacts.TicketId, phone));
        }

        return contacts;
    }

    private IHallContactsGrain Grain => _grains.GetGrain<IHallContactsGrain>(_hallId);

    /// <summary>Adds the ticket's number (near-turn notices find it by number); a retried request's earlier ticket gets the phone too.</summary>
    public async Task IssuedAsync(TicketSnapshot ticket)
    {
        if (_phone is not null && ticket.Status == TicketStatus.Waiting)
        {
            await Grain.RememberAsync(ticket.TicketId, _themeCode, ticket.DisplayNumber,
                ticket.TicketId == TicketId ? null : await _keys.SealNotifyPhoneAsync(ticket.TicketId, _phone));
        }
    }
}
