using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The pages behind sign-in: people sign in at /login and come back; kiosks and boards open the link they were
/// registered with and stop when revoked; a ticket page needs its key; the admin page hands out a device link once.
/// Window 17 is this class's own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SignInTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task AWindowTerminalOpenedWithoutSigningInGoesToSignInAndAStaffAccountComesBackToTheTerminalAndOpensTheWindow()
    {
        var userName = "staff-" + Guid.NewGuid().ToString("N")[..8];
        var password = await fixture.Api.CreateStaffAsync(userName, "王小明");
        var page = await fixture.NewPageAsync(1366, 768);

        await page.GotoAsync("/window/binjiang/17");

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/login?return=%2Fwindow%2Fbinjiang%2F17").ToString(), new() { Timeout = 10_000 });
        await page.Locator("#user-name").FillAsync(userName);
        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#error")).ToHaveTextAsync("用户名或密码不正确", Soon);
        await BrowserFixture.ScreenshotAsync(page, "login");
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/window/binjiang/17").ToString(), new() { Timeout = 10_000 });
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        await Expect(page.Locator("#session .session-name")).ToHaveTextAsync("王小明");
        await Expect(page.Locator("#sign-in-as")).ToHaveTextAsync($"以 王小明（工号 {userName}）签到开窗", Soon);
        await Expect(page.Locator("#staff-fields")).ToBeHiddenAsync();
        await page.Locator("#sign-in button[type='submit']").ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("空闲", Soon);
        await Expect(page.Locator("#staff")).ToHaveTextAsync($"王小明（{userName}）");
        var window = await fixture.Api.GetAsync("/api/halls/binjiang/windows/17");
        Assert.Equal(userName, window.GetProperty("staffId").GetString());
        Assert.Equal("王小明", window.GetProperty("staffName").GetString());
        await fixture.Api.WindowAsync(17, "sign-out");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/%09/evil.example/")]
    [InlineData("/%5Cevil.example/")]
    [InlineData("https://evil.example/")]
    public async Task SigningInNeverSendsTheBrowserToAnotherSite(string target)
    {
        var userName = "staff-" + Guid.NewGuid().ToString("N")[..8];
        var password = await fixture.Api.CreateStaffAsync(userName, "李雷");
        var page = await fixture.NewPageAsync(1366, 768);

        await page.GotoAsync("/login?return=" + target);
        await page.Locator("#user-name").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/").ToString(), new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APersonSigningInAndOutInTheBoardsBrowserLeavesTheBoardShowingItsHall()
    {
        var device = await fixture.Api.RegisterDeviceAsync("Board", "同机登录叫号屏");
        var userName = "staff-" + Guid.NewGuid().ToString("N")[..8];
        var password = await fixture.Api.CreateStaffAsync(userName, "韩梅梅");
        var board = await fixture.NewPageAsync(1920, 1080);
        await board.GotoAsync(device.Link);
        await Expect(board.Locator("#hall-name")).ToHaveTextAsync("滨江区市民之家", Soon);

        // The same browser: a person signs in on another tab and signs out again.
        var person = await board.Context.NewPageAsync();
        await person.GotoAsync("/login?return=%2Fadmin");
        await person.Locator("#user-name").FillAsync(userName);
        await person.Locator("#password").FillAsync(password);
        await person.Locator("#submit").ClickAsync();
        await Expect(person.Locator("#session .session-name")).ToHaveTextAsync("韩梅梅", Soon);
        await person.Locator("#session .session-sign-out").ClickAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/login"), new() { Timeout = 10_000 });

        await board.ReloadAsync();
        await Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        await Expect(board.Locator("#hall-name")).ToHaveTextAsync("滨江区市民之家", Soon);
        await Expect(board.Locator("#device-notice")).ToHaveCountAsync(0);
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task ABoardOpenedWithItsDeviceLinkWorksWithoutTheTokenInTheAddressBarAndShowsTheNotAuthorizedNoticeOnceRevoked()
    {
        var device = await fixture.Api.RegisterDeviceAsync("Board", "吊销测试叫号屏");
        var board = await fixture.NewPageAsync(1920, 1080);

        await board.GotoAsync(device.Link);

        await Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        await Expect(board).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/board/binjiang").ToString());
        await Expect(board.Locator("#hall-name")).ToHaveTextAsync("滨江区市民之家", Soon);
        await Expect(board.Locator("#device-notice")).ToHaveCountAsync(0);
        Assert.DoesNotContain(device.Token, await board.EvaluateAsync<string>("() => location.href + document.documentElement.outerHTML"), StringComparison.Ordinal);

        await fixture.Api.RevokeDeviceAsync(device.DeviceId);
        await board.ReloadAsync();

        await Expect(board.Locator("#device-notice h1")).ToHaveTextAsync("本设备未授权", Soon);
        await Expect(board.Locator("#device-notice .device-notice-en")).ToHaveTextAsync("This device is not authorized");
        await Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "refused");
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task TheTicketPageWithoutItsKeyShowsTheRefusalAndWithItsKeyShowsTheTicket()
    {
        var ticket = await fixture.Api.IssueAsync("GJJ");
        var phone = await fixture.NewPageAsync(390, 844, mobile: true);

        await phone.GotoAsync($"/t/{ticket.TicketId}");

        await Expect(phone.Locator("#refused-text")).ToHaveTextAsync("号票链接无效：请使用取号时给出的链接或二维码", Soon);
        await Expect(phone.Locator("#refused h1")).ToHaveTextAsync("无法查看该号票");
        await Expect(phone.Locator("#ticket-view")).ToBeHiddenAsync();

        await phone.GotoAsync(ticket.Link);

        await Expect(phone.Locator("#number")).ToHaveTextAsync(ticket.DisplayNumber, Soon);
        await Expect(phone.Locator("#status")).ToHaveTextAsync("排队中");
        await Expect(phone.Locator("#refused")).ToBeHiddenAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAdminPageRegistersABoardAndShowsItsWorkingLinkOnlyOnce()
    {
        var name = "二楼叫号屏 " + Guid.NewGuid().ToString("N")[..6];
        var admin = await fixture.NewPageAsync(1366, 900, visitor: Visitor.Administrator);
        await admin.GotoAsync("/admin");
        await Expect(admin.Locator("#devices tr").First).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await admin.Locator("#device-kind").SelectOptionAsync("Board");
        await admin.Locator("#device-name").FillAsync(name);
        await admin.Locator("#device-form button[type='submit']").ClickAsync();

        var shown = admin.Locator("#device-secret .secret-value");
        await Expect(admin.Locator("#device-secret .secret-title")).ToHaveTextAsync($"叫号屏“{name}”的打开链接", Soon);
        await Expect(shown).ToHaveValueAsync(DeviceLink(), new() { Timeout = 10_000 });
        var link = await shown.InputValueAsync();
        Assert.StartsWith(new Uri(fixture.BaseAddress, "/board/binjiang?device=qd1.binjiang.").ToString(), link, StringComparison.Ordinal);
        var row = admin.Locator("#devices tr", new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("叫号屏");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("使用中");
        await BrowserFixture.ScreenshotAsync(admin, "admin");
        var token = Uri.UnescapeDataString(new Uri(link).Query["?device=".Length..]);

        await admin.ReloadAsync();
        await Expect(admin.Locator("#devices tr", new() { HasText = name })).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(admin.Locator("#device-secret")).ToBeHiddenAsync();
        Assert.DoesNotContain(token, await admin.ContentAsync(), StringComparison.Ordinal);

        var board = await fixture.NewPageAsync(1920, 1080);
        await board.GotoAsync(link);
        await Expect(board.Locator("#live")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        await Expect(board).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/board/binjiang").ToString());
        await board.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/board/binjiang\?device=qd1\.binjiang\.b[0-9a-f]{10}\.[A-Za-z0-9_-]+$")]
    private static partial Regex DeviceLink();
}
