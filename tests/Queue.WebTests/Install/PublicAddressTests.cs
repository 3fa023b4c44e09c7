using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.WebTests.Http;

namespace Queue.WebTests.Install;

/// <summary>The ticket link (the kiosk's QR code) and device links start with where a phone can reach Queue.</summary>
public static class Links
{
    public static async Task<string> IssuedTicketLink(HttpClient staff)
    {
        using var response = await staff.PostAsJsonAsync(new Uri("/api/halls/binjiang/themes/BDC/tickets", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var ticket = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = ticket.RootElement.GetProperty("ticketId").GetString()!;
        var key = ticket.RootElement.GetProperty("accessKey").GetString()!;
        var link = ticket.RootElement.GetProperty("link").GetString()!;
        Assert.EndsWith($"/t/{Uri.EscapeDataString(id)}?k={Uri.EscapeDataString(key)}", link, StringComparison.Ordinal);
        return link;
    }

    public static async Task<string> RegisteredDeviceUrl(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync(new Uri("/api/halls/binjiang/devices", UriKind.Relative), new { kind = "Board", name = "一楼叫号屏" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var device = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var link = device.RootElement.GetProperty("link").GetString()!;
        var url = device.RootElement.GetProperty("url").GetString()!;
        Assert.StartsWith("/board/binjiang?device=", link, StringComparison.Ordinal);
        Assert.EndsWith(link, url, StringComparison.Ordinal);
        return url;
    }
}

[Collection(QueueWebCollection.Name)]
public sealed class RequestOriginLinkTests(QueueWebFactory factory)
{
    [Fact]
    public async Task WithoutAPublicAddressTheTicketLinkStartsWithTheRequestsOrigin()
    {
        using var staff = factory.CreateClient();

        Assert.StartsWith("http://localhost/t/", await Links.IssuedTicketLink(staff), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicAddressADeviceLinkStartsWithTheRequestsOrigin()
    {
        using var admin = factory.CreateClient();

        Assert.StartsWith("http://localhost/board/binjiang?device=", await Links.RegisteredDeviceUrl(admin), StringComparison.Ordinal);
    }
}

[Collection(InstalledWebCollection.Name)]
public sealed class PublicAddressLinkTests(InstalledWebFactory factory)
{
    [Fact]
    public async Task TheTicketLinkTheKioskEncodesStartsWithThePublicAddress()
    {
        using var staff = factory.CreateClient();

        Assert.StartsWith("https://queue.example.gov.cn/hall/t/", await Links.IssuedTicketLink(staff), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeviceLinkStartsWithThePublicAddress()
    {
        using var admin = factory.CreateClient();

        Assert.StartsWith("https://queue.example.gov.cn/hall/board/binjiang?device=", await Links.RegisteredDeviceUrl(admin), StringComparison.Ordinal);
    }
}
