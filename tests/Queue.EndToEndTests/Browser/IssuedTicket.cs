namespace Queue.EndToEndTests.Browser;

public sealed record IssuedTicket(string TicketId, string DisplayNumber, string AccessKey)
{
    /// <summary>The citizen's link, key included, as the kiosk prints it.</summary>
    public string Link => $"/t/{Uri.EscapeDataString(TicketId)}?k={Uri.EscapeDataString(AccessKey)}";
}
