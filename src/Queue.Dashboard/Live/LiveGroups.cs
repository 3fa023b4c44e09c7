namespace Queue.Dashboard.Live;

/// <summary>SignalR group names.</summary>
public static class LiveGroups
{
    public static string Hall(string hallId) => $"hall:{hallId}";

    public static string Board(string hallId, string zoneId) => $"board:{hallId}/{zoneId}";

    public static string Window(string hallId, int windowNo) => $"window:{hallId}/{windowNo}";

    public static string Ticket(string ticketId) => $"ticket:{ticketId}";

    public static string Line(string hallId, string themeCode) => $"line:{hallId}/{themeCode}";

    public static string Manager(string hallId) => $"manager:{hallId}";
}
