using static Queue.WebTests.Security.Callers;

namespace Queue.WebTests.Security;

/// <summary>
/// The design, written down: who may call each route of hall A. Devices, staff and managers act in their own hall
/// only; the other hall's manager is refused everything of hall A except what spans halls (the operations
/// dashboards, their own account list). Rows that end sessions or the day come last.
/// </summary>
public static class AccessMatrix
{
    public static readonly Callers[] Everyone = [Anonymous, Kiosk, Board, Staff, Manager, OtherManager, Administrator];
    public static readonly Callers[] Display = [Kiosk, Board, Staff, Manager, Administrator];
    public static readonly Callers[] Issuers = [Anonymous, Kiosk, Staff, Manager, Administrator];
    public static readonly Callers[] Operate = [Staff, Manager, Administrator];
    public static readonly Callers[] Manage = [Manager, Administrator];
    public static readonly Callers[] Operations = [Manager, OtherManager, Administrator];
    public static readonly Callers[] People = [Staff, Manager, OtherManager, Administrator];
    public static readonly Callers[] AdministratorOnly = [Administrator];

    /// <summary>A rating is the citizen's word: without the ticket's key nobody rates, not staff, not an administrator.</summary>
    public static readonly Callers[] Nobody = [];

    public static IReadOnlyList<AccessRow> Rows { get; } =
    [
        new("GET", "/api/halls", (_, _) => "/api/halls", Everyone),
        new("GET", "/api/halls/{hallId}", (w, _) => $"/api/halls/{w.HallA}", Everyone),
        new("PUT", "/api/halls/{hallId}", (w, _) => $"/api/halls/{w.HallA}", Manage,
            Body: (w, _) => TestHalls.Small(w.HallA, ["AA", "BB"], Contracts.Model.WindowProfile.Dedicated("AA"), Contracts.Model.WindowProfile.Dedicated("BB"))),
        new("GET", "/api/halls/{hallId}/snapshot", (w, _) => $"/api/halls/{w.HallA}/snapshot", Display),
        new("GET", "/api/halls/{hallId}/events", (w, _) => $"/api/halls/{w.HallA}/events", Manage),
        new("GET", "/api/halls/{hallId}/alerts", (w, _) => $"/api/halls/{w.HallA}/alerts", Display),
        new("GET", "/api/halls/{hallId}/opening", (w, _) => $"/api/halls/{w.HallA}/opening", Everyone),
        new("GET", "/api/halls/{hallId}/themes/{themeCode}/notice", (w, _) => $"/api/halls/{w.HallA}/themes/AA/notice", Everyone),
        new("GET", "/api/halls/{hallId}/remote", (w, _) => $"/api/halls/{w.HallA}/remote", Everyone),
        new("POST", "/api/halls/{hallId}/themes/{themeCode}/remote-tickets", (w, _) => $"/api/halls/{w.HallA}/themes/AA/remote-tickets", Everyone,
            Body: (_, c) => new { travelMinutes = 20, phone = "1380013" + ((int)c).ToString("0000", System.Globalization.CultureInfo.InvariantCulture) }),
        new("GET", "/api/halls/{hallId}/entrance", (w, _) => $"/api/halls/{w.HallA}/entrance", Display),

        new("POST", "/api/halls/{hallId}/themes/{themeCode}/tickets", (w, _) => $"/api/halls/{w.HallA}/themes/AA/tickets", Issuers, Body: (_, _) => new { }),
        new("GET", "/api/tickets/{ticketId}", (w, _) => $"/api/tickets/{w.Ticket.TicketId}", Operate),
        new("GET", "/api/tickets/{ticketId}", (w, _) => $"/api/tickets/{w.Ticket.TicketId}", Everyone, WithKey: true),
        new("POST", "/api/tickets/{ticketId}/rating", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/rating", Nobody, Body: (_, _) => new { level = 5 }),
        new("POST", "/api/tickets/{ticketId}/rating", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/rating", Everyone, Body: (_, _) => new { level = 5 }, WithKey: true),
        // The citizen's year is theirs: only the ticket's key opens it, not staff, not an administrator.
        new("GET", "/api/tickets/{ticketId}/year", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/year", Nobody),
        new("GET", "/api/tickets/{ticketId}/year", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/year", Everyone, WithKey: true),
        new("POST", "/api/tickets/{ticketId}/rejoin", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/rejoin", Operate),
        new("POST", "/api/tickets/{ticketId}/rejoin", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/rejoin", Everyone, WithKey: true),
        new("POST", "/api/tickets/{ticketId}/resume", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/resume", Operate),
        new("POST", "/api/tickets/{ticketId}/resume", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/resume", Everyone, WithKey: true),
        new("POST", "/api/tickets/{ticketId}/arrive", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/arrive", Operate, Body: (_, _) => new { code = "000000" }),
        new("POST", "/api/tickets/{ticketId}/arrive", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/arrive", Everyone, Body: (_, _) => new { code = "000000" }, WithKey: true),

        new("GET", "/api/halls/{hallId}/windows/{windowNo}", (w, _) => $"/api/halls/{w.HallA}/windows/1", Display),
        Window("sign-in", new { staffId = "s-matrix", staffName = "矩阵" }),
        Window("pause", new { reason = "午休" }),
        Window("resume"),
        new("PUT", "/api/halls/{hallId}/windows/{windowNo}/profile", (w, _) => $"/api/halls/{w.HallA}/windows/1/profile", Operate,
            Body: (_, _) => new { kind = "Dedicated", themes = new[] { "AA" } }),
        Window("call-next"),
        Window("recall"),
        Window("start"),
        Window("hold", new { reason = "材料不全" }),
        Window("transfer", new { toTheme = "BB" }),
        Window("no-show"),
        Window("complete", new { outcome = "Done" }),
        Window("sign-out"),

        Analytics("kpis", Display),
        Analytics("waiting-curve", Display),
        Analytics("arrivals", Manage),
        Analytics("waits", Manage),
        Analytics("quality", Manage),
        Analytics("not-done", Manage),
        Analytics("staff", Manage),
        Analytics("ratings", Manage),
        Analytics("performance", Manage),
        Analytics("performance/export", Manage),
        Analytics("one-trip", Display),
        new("GET", "/charts/{hallId}/{name}.{format}", (w, _) => $"/charts/{w.HallA}/today.svg", Display),
        new("GET", "/charts/{hallId}/{name}.{format}", (w, _) => $"/charts/{w.HallA}/arrivals.svg", Manage),
        new("GET", "/charts/{hallId}/{name}.{format}", (w, _) => $"/charts/{w.HallA}/satisfaction-by-wait.svg", Manage),
        new("GET", "/api/halls/{hallId}/advice/{date}", (w, _) => $"/api/halls/{w.HallA}/advice/2026-12-01", Manage),
        new("POST", "/api/halls/{hallId}/advice/{date}/compute", (w, _) => $"/api/halls/{w.HallA}/advice/2099-12-01/compute", Manage),
        new("POST", "/api/halls/{hallId}/advice/{date}/apply", (w, _) => $"/api/halls/{w.HallA}/advice/2099-12-01/apply", Manage),
        new("POST", "/api/halls/{hallId}/advice/{date}/undo", (w, _) => $"/api/halls/{w.HallA}/advice/2099-12-01/undo", Manage),
        new("POST", "/api/halls/{hallId}/simulations", (w, _) => $"/api/halls/{w.HallA}/simulations", Manage,
            Body: (_, _) => new { rates = new Dictionary<string, double[]> { ["AA"] = [2] }, replications = 1, policies = new[] { "QueueRouting" } }),
        new("POST", "/api/halls/{hallId}/simulations/heatmap", (w, _) => $"/api/halls/{w.HallA}/simulations/heatmap", Manage,
            Body: (_, _) => new { policy = "QueueRouting", cells = new[] { new { theme = "AA", hour = 9, meanWaitMinutes = 12.5 } } }),
        new("PUT", "/api/halls/{hallId}/advice/{date}/plan", (w, _) => $"/api/halls/{w.HallA}/advice/2099-12-02/plan", Manage,
            Body: (_, _) => new { cells = Array.Empty<object>() }),
        new("POST", "/api/halls/{hallId}/config/validate", (w, _) => $"/api/halls/{w.HallA}/config/validate", Manage,
            Body: (w, _) => TestHalls.Small(w.HallA, ["AA", "BB"], Contracts.Model.WindowProfile.Dedicated("AA"), Contracts.Model.WindowProfile.Dedicated("BB"))),
        new("POST", "/api/halls/{hallId}/alerts/{themeCode}/apply", (w, _) => $"/api/halls/{w.HallA}/alerts/AA/apply", Manage),
        new("POST", "/api/halls/{hallId}/windows/{windowNo}/undo-move", (w, _) => $"/api/halls/{w.HallA}/windows/1/undo-move", Manage),
        new("GET", "/api/halls/{hallId}/holidays", (w, _) => $"/api/halls/{w.HallA}/holidays", Everyone),

        new("GET", "/api/halls/{hallId}/booking/slots", (w, _) => $"/api/halls/{w.HallA}/booking/slots", Everyone),
        new("POST", "/api/halls/{hallId}/bookings", (w, _) => $"/api/halls/{w.HallA}/bookings", Everyone,
            Body: (w, c) => new { theme = "AA", slotStart = w.Booking.SlotStart, phone = "1380013800" + (int)c }),
        new("POST", "/api/halls/{hallId}/bookings/assisted", (w, _) => $"/api/halls/{w.HallA}/bookings/assisted", Operate,
            Body: (w, c) => new { theme = "BB", slotStart = w.Booking.SlotStart, phone = "1390013900" + (int)c }),
        new("POST", "/api/halls/{hallId}/bookings/check-in", (w, _) => $"/api/halls/{w.HallA}/bookings/check-in", [Kiosk, Staff, Manager, Administrator],
            Body: (_, _) => new { code = "000000" }),
        new("GET", "/api/bookings/{bookingId}", (w, _) => $"/api/bookings/{w.Booking.BookingId}", Operate),
        new("GET", "/api/bookings/{bookingId}", (w, _) => $"/api/bookings/{w.Booking.BookingId}?k={Uri.EscapeDataString(w.Booking.AccessKey!)}", Everyone),
        new("PUT", "/api/bookings/{bookingId}", (w, _) => $"/api/bookings/{w.Booking.BookingId}", Operate, Body: (_, _) => new { }),
        new("PUT", "/api/bookings/{bookingId}", (w, _) => $"/api/bookings/{w.Booking.BookingId}?k={Uri.EscapeDataString(w.Booking.AccessKey!)}", Everyone, Body: (_, _) => new { }),
        new("POST", "/api/bookings/{bookingId}/check-in", (w, _) => $"/api/bookings/{w.Booking.BookingId}/check-in", Operate, Body: (_, _) => new { code = "000000" }),
        new("POST", "/api/bookings/{bookingId}/check-in", (w, _) => $"/api/bookings/{w.Booking.BookingId}/check-in?k={Uri.EscapeDataString(w.Booking.AccessKey!)}", Everyone,
            Body: (_, _) => new { code = "000000" }),
        new("GET", "/api/halls/{hallId}/booking/settings", (w, _) => $"/api/halls/{w.HallA}/booking/settings", Manage),
        new("PUT", "/api/halls/{hallId}/booking/settings", (w, _) => $"/api/halls/{w.HallA}/booking/settings", Manage, Body: (_, _) => new { }),
        new("GET", "/api/halls/{hallId}/booking/report", (w, _) => $"/api/halls/{w.HallA}/booking/report", Manage),
        new("POST", "/api/halls/{hallId}/booking/check", (w, _) => $"/api/halls/{w.HallA}/booking/check?replications=1", Manage),
        new("GET", "/api/halls/{hallId}/booking/today", (w, _) => $"/api/halls/{w.HallA}/booking/today", Display),

        new("GET", "/api/halls/{hallId}/cases", (w, _) => $"/api/halls/{w.HallA}/cases", Manage),
        new("GET", "/api/halls/{hallId}/cases/{caseId}", (w, _) => $"/api/halls/{w.HallA}/cases/C00001", Manage),
        new("PATCH", "/api/halls/{hallId}/cases/{caseId}", (w, _) => $"/api/halls/{w.HallA}/cases/C00001", Manage, Body: (_, _) => new { note = "矩阵" }),
        new("GET", "/api/halls/{hallId}/cases/export.csv", (w, _) => $"/api/halls/{w.HallA}/cases/export.csv", Manage),
        new("GET", "/api/halls/{hallId}/cases/export.xlsx", (w, _) => $"/api/halls/{w.HallA}/cases/export.xlsx", Manage),
        new("GET", "/api/halls/{hallId}/cases/settings", (w, _) => $"/api/halls/{w.HallA}/cases/settings", Manage),
        new("PUT", "/api/halls/{hallId}/cases/settings", (w, _) => $"/api/halls/{w.HallA}/cases/settings", Manage, Body: (_, _) => new { followUpWorkingDays = 5 }),
        new("GET", "/api/halls/{hallId}/cases/overdue", (w, _) => $"/api/halls/{w.HallA}/cases/overdue", Display),
        new("GET", "/api/halls/{hallId}/reports/monthly", (w, _) => $"/api/halls/{w.HallA}/reports/monthly", Manage),
        new("GET", "/api/halls/{hallId}/reports/monthly/export.xlsx", (w, _) => $"/api/halls/{w.HallA}/reports/monthly/export.xlsx", Manage),
        new("GET", "/charts/{hallId}/{name}.{format}", (w, _) => $"/charts/{w.HallA}/monthly-volumes.svg", Manage),

        new("GET", "/api/halls/{hallId}/devices", (w, _) => $"/api/halls/{w.HallA}/devices", Manage),
        new("POST", "/api/halls/{hallId}/devices", (w, _) => $"/api/halls/{w.HallA}/devices", Manage, Body: (_, c) => new { kind = "Kiosk", name = "by " + c }),
        new("POST", "/api/halls/{hallId}/devices/{deviceId}/rotate", (w, _) => $"/api/halls/{w.HallA}/devices/{w.SpareDeviceId}/rotate", Manage),
        new("POST", "/api/halls/{hallId}/devices/{deviceId}/revoke", (w, _) => $"/api/halls/{w.HallA}/devices/{w.SpareDeviceId}/revoke", Manage),
        new("GET", "/api/halls/{hallId}/webhooks", (w, _) => $"/api/halls/{w.HallA}/webhooks", Manage),
        new("POST", "/api/halls/{hallId}/webhooks", (w, _) => $"/api/halls/{w.HallA}/webhooks", Manage,
            Body: (_, c) => new { url = $"https://sms.example/{c}", eventTypes = new[] { "ticket.called" } }),
        new("PUT", "/api/halls/{hallId}/webhooks/{webhookId}", (w, _) => $"/api/halls/{w.HallA}/webhooks/{w.SpareWebhookId}", Manage,
            Body: (_, _) => new { url = "https://sms.example/spare", eventTypes = new[] { "ticket.called", "ticket.near_turn" } }),
        new("POST", "/api/halls/{hallId}/webhooks/{webhookId}/test", (w, _) => $"/api/halls/{w.HallA}/webhooks/{w.SpareWebhookId}/test", Manage),
        new("GET", "/api/halls/{hallId}/webhooks/deliveries", (w, _) => $"/api/halls/{w.HallA}/webhooks/deliveries", Manage),
        new("DELETE", "/api/halls/{hallId}/webhooks/{webhookId}", (w, _) => $"/api/halls/{w.HallA}/webhooks/{w.SpareWebhookId}", Manage),

        new("GET", "/api/accounts", (_, _) => "/api/accounts", Operations),
        new("POST", "/api/accounts", (_, _) => "/api/accounts", Manage,
            Body: (w, c) => new { userName = $"new-{c.ToString().ToLowerInvariant()}-{w.HallA}", displayName = "新员工", role = "Staff", hallId = w.HallA }),
        new("POST", "/api/accounts/{userName}/password", (w, _) => $"/api/accounts/{w.SpareUser}/password", Manage, Body: (w, _) => new { password = w.SparePassword }),
        new("POST", "/api/accounts/{userName}/disable", (w, _) => $"/api/accounts/{w.SpareUser}/disable", Manage),
        new("POST", "/api/accounts/{userName}/enable", (w, _) => $"/api/accounts/{w.SpareUser}/enable", Manage),

        new("GET", "/api/system/memory", (_, _) => "/api/system/memory", AdministratorOnly),
        new("GET", "/orleans", (_, _) => "/orleans/", Operations),
        new("GET", "/hangfire", (_, _) => "/hangfire", Operations),
        new("GET", "/health/live", (_, _) => "/health/live", Everyone),
        new("GET", "/health/ready", (_, _) => "/health/ready", Everyone),
        new("GET", "/openapi/{documentName}.json", (_, _) => "/openapi/v1.json", Everyone),
        new("GET", "/", (_, _) => "/", Everyone),
        new("GET", "/favicon.ico", (_, _) => "/favicon.ico", Everyone),
        Page("/kiosk/{hallId}", w => $"/kiosk/{w.HallA}"),
        Page("/t/{ticketId}", w => $"/t/{w.Ticket.TicketId}"),
        Page("/m/{hallId}", w => $"/m/{w.HallA}"),
        Page("/window/{hallId}/{windowNo}", w => $"/window/{w.HallA}/1"),
        Page("/board/{hallId}", w => $"/board/{w.HallA}"),
        Page("/board/{hallId}/{zoneId}", w => $"/board/{w.HallA}/z"),
        Page("/led/{hallId}/{windowNo}", w => $"/led/{w.HallA}/1"),
        Page("/screen/{hallId}", w => $"/screen/{w.HallA}"),
        Page("/manager/{hallId}", w => $"/manager/{w.HallA}"),
        Page("/config/{hallId}", w => $"/config/{w.HallA}"),
        Page("/remote/{hallId}", w => $"/remote/{w.HallA}"),
        Page("/entrance/{hallId}", w => $"/entrance/{w.HallA}"),
        Page("/arrive/{hallId}", w => $"/arrive/{w.HallA}"),
        Page("/report/{hallId}", w => $"/report/{w.HallA}"),
        Page("/login", _ => "/login"),
        Page("/admin", _ => "/admin"),

        new("POST", "/api/auth/login", (_, _) => "/api/auth/login", Everyone, Body: (w, _) => new { userName = w.SpareUser, password = w.SparePassword }),
        new("GET", "/api/auth/me", (_, _) => "/api/auth/me", Everyone),
        new("POST", "/api/auth/device", (_, _) => "/api/auth/device", Everyone, Body: (_, _) => new { token = "qd1.nowhere.k0123456789.not-a-real-secret-not-a-real-secret" }),
        new("POST", "/api/auth/password", (_, _) => "/api/auth/password", People, Body: (_, _) => new { currentPassword = "not-the-password", newPassword = "a-new-password-1" }),
        new("POST", "/api/halls/{hallId}/close-day", (w, _) => $"/api/halls/{w.HallA}/close-day", Manage),
        new("POST", "/api/tickets/{ticketId}/cancel", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/cancel", Operate),
        new("POST", "/api/tickets/{ticketId}/cancel", (w, _) => $"/api/tickets/{w.Ticket.TicketId}/cancel", Everyone, WithKey: true),
        new("DELETE", "/api/bookings/{bookingId}", (w, _) => $"/api/bookings/{w.Booking.BookingId}", Operate),
        new("DELETE", "/api/bookings/{bookingId}", (w, _) => $"/api/bookings/{w.Booking.BookingId}?k={Uri.EscapeDataString(w.Booking.AccessKey!)}", Everyone),
        new("POST", "/api/auth/logout", (_, _) => "/api/auth/logout", Everyone),
    ];

    /// <summary>Routes that are not in <see cref="Rows"/> on purpose: the hub's own endpoints (anyone connects; its methods are the hub matrix).</summary>
    public static IReadOnlyList<string> HubRoutes { get; } = ["/hubs/queue", "/hubs/queue/negotiate"];

    private static AccessRow Window(string command, object? body = null) =>
        new("POST", "/api/halls/{hallId}/windows/{windowNo}/" + command, (w, _) => $"/api/halls/{w.HallA}/windows/1/{command}", Operate,
            Body: body is null ? null : (_, _) => body);

    private static AccessRow Analytics(string name, Callers[] allowed) =>
        new("GET", "/api/halls/{hallId}/analytics/" + name, (w, _) => $"/api/halls/{w.HallA}/analytics/{name}", allowed);

    private static AccessRow Page(string route, Func<SecurityWorld, string> path) => new("GET", route, (w, _) => path(w), Everyone);
}
