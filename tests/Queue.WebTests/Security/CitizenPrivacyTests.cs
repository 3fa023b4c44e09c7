using System.Net;
using System.Net.Http.Json;
using System.Text;
using Queue.Contracts;
using Queue.Contracts.Snapshots;
using Queue.WebTests.Http;

namespace Queue.WebTests.Security;

/// <summary>An ID-card or phone number is stored only as a keyed hash, a name only masked; boards and windows see 张*.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class CitizenPrivacyTests(QueueWebFactory factory)
{
    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13812345678";

    [Fact]
    public async Task TheNumbersAndTheFullNameAreNeverWrittenToTheStoreAndTheWindowSeesOnlyTheMaskedName()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var staff = world.Client(Callers.Staff);
        using var issued = await staff.PostAsJsonAsync($"/api/halls/{world.HallA}/themes/BB/tickets",
            new { priority = "Appointment", idNumber = IdNumber.ToLowerInvariant(), phone = "+86 138-1234-5678", name = "欧阳娜娜" });
        issued.EnsureSuccessStatusCode();
        var ticket = (await issued.Content.ReadFromJsonAsync<TicketSnapshot>(QueueJson.Options))!;
        (await staff.PostAsync($"/api/halls/{world.HallA}/windows/2/sign-in", null)).EnsureSuccessStatusCode();
        using var called = await staff.PostAsync($"/api/halls/{world.HallA}/windows/2/call-next", null);
        var window = (await called.Content.ReadFromJsonAsync<WindowSnapshot>(QueueJson.Options))!;
        using var board = world.Client(Callers.Board);
        var snapshot = (await board.GetFromJsonAsync<HallSnapshot>($"/api/halls/{world.HallA}/snapshot", QueueJson.Options))!;

        Assert.Equal("欧***", ticket.CitizenName);
        Assert.Equal(ticket.TicketId, window.Current!.TicketId);
        Assert.Equal("欧***", window.Current.CitizenName);
        Assert.Equal("欧***", Assert.Single(snapshot.Windows, w => w.WindowNo == 2).Current!.CitizenName);
        var stored = await File.ReadAllBytesAsync(factory.DataPath);
        foreach (var secret in new[] { IdNumber, IdNumber.ToLowerInvariant(), Phone, "欧阳娜娜", "欧阳" })
        {
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
    }

    [Theory]
    [InlineData("110105194912310021", "invalid-idNumber")]
    [InlineData("11010519491231002", "invalid-idNumber")]
    [InlineData("1101051949123100XX", "invalid-idNumber")]
    public async Task AnIdNumberWithAWrongCheckCharacterOrLengthIsRefused(string idNumber, string code)
    {
        using var admin = factory.CreateClient();
        using var response = await admin.PostAsJsonAsync("/api/halls/binjiang/themes/BDC/tickets", new { idNumber });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1381234567")]
    [InlineData("23812345678")]
    [InlineData("12812345678")]
    [InlineData("138-1234-567x")]
    public async Task AMalformedPhoneNumberIsRefused(string phone)
    {
        using var admin = factory.CreateClient();
        using var response = await admin.PostAsJsonAsync("/api/halls/binjiang/themes/BDC/tickets", new { phone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":\"invalid-phone\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
