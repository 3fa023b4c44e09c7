using System.Net;

namespace Queue.WebTests.Http;

/// <summary>Bad input to the appointment endpoints: slots, booking, the booking's own actions, check-in, settings, report.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class BookingBadInputTests(QueueWebFactory web)
{
    private const string UnknownBooking = "binjiang.20261207.AAAAAAAAAAAAAAAAAAAAAA";

    public static BadInputTable Table { get; } = new BadInputTable()
        // slots
        .Add("slots of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/booking/slots"))
        .Add("slots of an unknown theme", HttpStatusCode.NotFound, "theme-not-found", api => api.Get("/api/halls/binjiang/booking/slots?theme=ZZZ"))
        .Add("slots for 0 days", HttpStatusCode.BadRequest, "invalid-days", api => api.Get("/api/halls/binjiang/booking/slots?days=0"))
        .Add("slots for 99 days", HttpStatusCode.BadRequest, "invalid-days", api => api.Get("/api/halls/binjiang/booking/slots?days=99"))

        // book
        .Add("book with malformed JSON", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw("/api/halls/binjiang/bookings", """{"theme":"""))
        .Add("book with no body", HttpStatusCode.BadRequest, "body-required", api => api.Post("/api/halls/binjiang/bookings"))
        .Add("book with a plain-text body", HttpStatusCode.UnsupportedMediaType, "http-415", api => api.PostRaw("/api/halls/binjiang/bookings", "theme=BDC", "text/plain"))
        .Add("book with a slot that is not a date", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw("/api/halls/binjiang/bookings", """{"theme":"BDC","slotStart":"tomorrow"}"""))
        .Add("book without a theme", HttpStatusCode.BadRequest, "missing-theme", api => api.Post("/api/halls/binjiang/bookings", new { slotStart = DateTimeOffset.UtcNow, phone = "13800138000" }))
        .Add("book without a slot", HttpStatusCode.BadRequest, "missing-slotStart", api => api.Post("/api/halls/binjiang/bookings", new { theme = "BDC", phone = "13800138000" }))
        .Add("book without an ID or phone number", HttpStatusCode.BadRequest, "missing-citizen", api => api.Post("/api/halls/binjiang/bookings", new { theme = "BDC", slotStart = DateTimeOffset.UtcNow }))
        .Add("book with a bad phone number", HttpStatusCode.BadRequest, "invalid-phone", api => api.Post("/api/halls/binjiang/bookings", new { theme = "BDC", slotStart = DateTimeOffset.UtcNow, phone = "12345" }))
        .Add("book with an ID number whose check digit is wrong", HttpStatusCode.BadRequest, "invalid-idNumber", api => api.Post("/api/halls/binjiang/bookings", new { theme = "BDC", slotStart = DateTimeOffset.UtcNow, idNumber = "110105194912310021" }))
        .Add("book in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/bookings", new { theme = "BDC" }))
        .Add("book an unknown theme", HttpStatusCode.NotFound, "theme-not-found", async api =>
        {
            var hallId = await api.NewHall();
            return await api.Book(hallId, (await api.Slots(hallId))[0].Start, "13800138000", "ZZ");
        })
        .Add("book a time off the slot grid", HttpStatusCode.UnprocessableEntity, "slot-unknown", async api =>
        {
            var hallId = await api.NewHall();
            return await api.Book(hallId, (await api.Slots(hallId))[0].Start.AddMinutes(7), "13800138000");
        })
        .Add("book beyond the days ahead", HttpStatusCode.UnprocessableEntity, "booking-too-far", async api =>
        {
            var hallId = await api.NewHall();
            return await api.Book(hallId, (await api.Slots(hallId))[0].Start.AddDays(30), "13800138000");
        })
        .Add("book a slot that has started", HttpStatusCode.Conflict, "slot-past", async api =>
        {
            var hallId = await api.NewHall();
            return await api.Book(hallId, (await api.Slots(hallId))[0].Start.AddMinutes(-30), "13800138000");
        })
        .Add("book a theme the manager closed to appointments", HttpStatusCode.UnprocessableEntity, "booking-disabled", async api =>
        {
            var hallId = await api.NewHall();
            var slot = (await api.Slots(hallId))[0].Start;
            await QueueApi.Checked<System.Text.Json.JsonElement>(api.Put($"/api/halls/{hallId}/booking/settings", new { themes = new[] { new { themeCode = "AA", bookable = false } } }), HttpStatusCode.OK);
            return await api.Book(hallId, slot, "13800138000");
        })

        // the booking's own actions
        .Add("look up an unknown booking", HttpStatusCode.NotFound, "booking-not-found", api => api.Get($"/api/bookings/{UnknownBooking}"))
        .Add("look up a malformed booking id", HttpStatusCode.NotFound, "booking-not-found", api => api.Get("/api/bookings/not-a-booking"))
        .Add("look up a booking id of 2000 characters", HttpStatusCode.NotFound, "booking-not-found", api => api.Get($"/api/bookings/binjiang.20261207.{new string('A', 2000)}"))
        .Add("cancel a booking twice", HttpStatusCode.Conflict, "booking-not-active", async api =>
        {
            var (_, booking) = await api.HallWithBooking();
            (await api.Send(HttpMethod.Delete, BookingApi.Path(booking))).Dispose();
            return await api.Send(HttpMethod.Delete, BookingApi.Path(booking));
        })
        .Add("reschedule without a slot", HttpStatusCode.BadRequest, "missing-slotStart", async api =>
        {
            var (_, booking) = await api.HallWithBooking();
            return await api.Put(BookingApi.Path(booking), new { });
        })
        .Add("reschedule to a time off the grid", HttpStatusCode.UnprocessableEntity, "slot-unknown", async api =>
        {
            var (_, booking) = await api.HallWithBooking();
            return await api.Put(BookingApi.Path(booking), new { slotStart = booking.SlotStart.AddMinutes(50) });
        })

        // check-in
        .Add("check in with a code of letters", HttpStatusCode.BadRequest, "invalid-code", api => api.Post("/api/halls/binjiang/bookings/check-in", new { code = "ABCDEF" }))
        .Add("check in with a code of 7 digits", HttpStatusCode.BadRequest, "invalid-code", api => api.Post("/api/halls/binjiang/bookings/check-in", new { code = "1234567" }))
        .Add("check in with neither code nor number", HttpStatusCode.BadRequest, "missing-code", api => api.Post("/api/halls/binjiang/bookings/check-in", new { }))
        .Add("check in with an unknown code", HttpStatusCode.NotFound, "booking-code-not-found", async api =>
            await api.Post($"/api/halls/{await api.NewHall()}/bookings/check-in", new { code = "000000" }))
        .Add("check in in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/bookings/check-in", new { code = "123456" }))

        // settings and report
        .Add("settings with a 45-minute slot", HttpStatusCode.UnprocessableEntity, "booking-settings", async api => await api.Put($"/api/halls/{await api.NewHall()}/booking/settings", new { slotMinutes = 45 }))
        .Add("settings with a share above 1", HttpStatusCode.UnprocessableEntity, "booking-settings", async api => await api.Put($"/api/halls/{await api.NewHall()}/booking/settings", new { defaultShare = 1.5 }))
        .Add("settings naming an unknown theme", HttpStatusCode.NotFound, "theme-not-found", async api =>
            await api.Put($"/api/halls/{await api.NewHall()}/booking/settings", new { themes = new[] { new { themeCode = "ZZ" } } }))
        .Add("settings with no body", HttpStatusCode.BadRequest, "body-required", async api => await api.PutRaw($"/api/halls/{await api.NewHall()}/booking/settings", ""))
        .Add("report with a reversed range", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/booking/report?from=2026-12-07&to=2026-12-01"))
        .Add("report with a malformed date", HttpStatusCode.BadRequest, "invalid-from", api => api.Get("/api/halls/binjiang/booking/report?from=12/01/2026"))
        .Add("report of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/booking/report"));

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task BookingEndpointsRefuseBadInputWithAProblem(string name) => Problem.AssertRefused(Table[name], new QueueApi(web.CreateClient()));
}
