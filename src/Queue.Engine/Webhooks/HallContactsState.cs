using Queue.Engine.Grains;

namespace Queue.Engine.Webhooks;

/// <summary>A phone given for notifications with a ticket, sealed; the ticket's theme and number find it from a line view.</summary>
[GenerateSerializer, Immutable]
public sealed record NotifyContact(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] string DisplayNumber,
    [property: Id(2)] string SealedPhone);

[GenerateSerializer]
public sealed class HallContactsState : EventSourcedState
{
    /// <summary>The business day the contacts were given on; on another day they are dropped.</summary>
    [Id(0)] public DateOnly Day { get; set; }

    /// <summary>By ticket id.</summary>
    [Id(1)] public Dictionary<string, NotifyContact> Contacts { get; set; } = [];
}
