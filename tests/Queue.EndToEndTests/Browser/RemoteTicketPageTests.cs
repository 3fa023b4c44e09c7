using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// 线上取号 in real Chromium: a citizen takes a remote ticket on a 390 px phone, checks in by opening the entrance display's
/// code link on the same phone, and sees the call; the kiosk shows a theme's 一次性告知 in Chinese and English and closes
/// back. Window 3 (不动产登记) is this class's own. Every page passes axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RemoteTicketPageTests(BrowserFixture fixture)
{
    private const int Window = 3;
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task ARemoteTicketTakenOnThePhoneChecksInAtTheEntranceAndThePhoneShowsTheCall()
    {
        await fixture.Api.SignInAsync(Window); // a window serves 不动产登记: the phone gets a predicted wait and a leave-home time
        var phone = await fixture.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/remote/binjiang");
        await Expect(phone.Locator("label[for='theme-BDC'] .theme-wait")).ToHaveTextAsync(new Regex("^等候 \\d+ 人"), Soon);
        await phone.Locator("#theme-BDC").CheckAsync();
        await phone.Locator("label[for='theme-BDC'] ~ details.theme-notice summary").ClickAsync();
        await Expect(phone.Locator("details.theme-notice[data-theme='BDC'] .notice-materials li").First).ToContainTextAsync("身份证", new() { Timeout = 10_000 });
        await phone.Locator("#phone").FillAsync("13700137000");
        await phone.Locator("#travel").SelectOptionAsync("5");
        AssertNoViolations(await Axe.ViolationsAsync(phone), "remote page");
        await BrowserFixture.ScreenshotAsync(phone, "remote");
        await phone.Locator("#submit").ClickAsync();

        await phone.WaitForURLAsync(new Regex("/t/binjiang\\.BDC\\."), new() { Timeout = 30_000 });
        await Expect(phone.Locator("#number")).ToHaveTextAsync(NumberPattern(), Soon);
        var number = await phone.Locator("#number").TextContentAsync() ?? "";
        await Expect(phone.Locator("#arrived")).ToHaveTextAsync("未到厅签到：叫号时未到视为过号", Soon);
        await Expect(phone.Locator("#leave-at")).ToHaveTextAsync(new Regex("^(\\d{2}:\\d{2}|请现在出发)$"), Soon);
        await Expect(phone.Locator("#arrival")).ToBeVisibleAsync();
        await Expect(phone.Locator("#notice")).ToBeVisibleAsync();
        AssertNoViolations(await Axe.ViolationsAsync(phone), "remote ticket waiting");
        await BrowserFixture.ScreenshotAsync(phone, "ticket-remote");

        var entrance = await fixture.OpenAsync("/entrance/binjiang", 1920, 1080, visitor: Visitor.Board);
        await Expect(entrance.Locator("#code")).ToHaveTextAsync(new Regex("^\\d{6}$"), Soon);
        await Expect(entrance.Locator("#qr svg")).ToBeVisibleAsync();
        AssertNoViolations(await Axe.ViolationsAsync(entrance), "entrance display");
        await BrowserFixture.ScreenshotAsync(entrance, "entrance");
        var code = await entrance.Locator("#code").TextContentAsync();

        // What the phone's camera app opens from the QR: the check-in page, which checks in this phone's remote ticket.
        await phone.GotoAsync($"/arrive/binjiang?c={code}");
        await phone.WaitForURLAsync(new Regex("/t/binjiang\\.BDC\\."), new() { Timeout = 10_000 });
        await Expect(phone.Locator("#arrived")).ToHaveTextAsync(new Regex("^已到厅签到 \\d{2}:\\d{2}$"), Soon);
        await Expect(phone.Locator("#arrival")).ToBeHiddenAsync();

        for (var i = 0; i < 80 && await fixture.Api.CallNextAsync(Window) != number; i++)
        {
            await fixture.Api.WindowAsync(Window, "start");
            await fixture.Api.WindowAsync(Window, "complete");
        }

        await Expect(phone.Locator("#call-text")).ToHaveTextAsync($"请{number}号到{Window}号窗口", Soon);
        AssertNoViolations(await Axe.ViolationsAsync(phone), "remote ticket called");
        await entrance.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCheckInPageSaysSoWhenThisPhoneHoldsNoRemoteTicket()
    {
        var phone = await fixture.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/arrive/binjiang?c=123456&lang=en");
        await Expect(phone.Locator("#none")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(phone.Locator("#status")).ToHaveTextAsync("Not checked in", Soon);
        AssertNoViolations(await Axe.ViolationsAsync(phone), "check-in without a ticket");
        await phone.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh", 1080, 1920, "新生儿出生一件事", "所需材料", "《出生医学证明》", "不收费")]
    [InlineData("en", 1920, 1080, "Newborn: one thing", "Required materials", "The birth medical certificate", "Free")]
    public async Task TheKioskShowsAThemesNoticeAndClosesBackToTheList(string lang, int width, int height, string title, string heading, string material, string fees)
    {
        var kiosk = await fixture.OpenAsync($"/kiosk/binjiang?lang={lang}", width, height, visitor: Visitor.Kiosk);
        await kiosk.Locator("button.notice-open[data-notice='XSE']").ClickAsync();

        await Expect(kiosk.Locator("#notice")).ToBeVisibleAsync();
        await Expect(kiosk.Locator("#choose")).ToBeHiddenAsync();
        await Expect(kiosk.Locator("#notice-theme")).ToHaveTextAsync(title);
        await Expect(kiosk.Locator(".notice-materials h3")).ToHaveTextAsync(heading);
        await Expect(kiosk.Locator(".notice-materials li").First).ToHaveTextAsync(material);
        await Expect(kiosk.Locator(".notice-fees p")).ToHaveTextAsync(fees);
        // Readable whole on the screen: nothing runs off the side, and both buttons are in view.
        Assert.True(await kiosk.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Expect(kiosk.Locator("#notice-close")).ToBeInViewportAsync();
        await Expect(kiosk.Locator("#notice-take")).ToBeInViewportAsync();
        AssertNoViolations(await Axe.ViolationsAsync(kiosk), "kiosk notice");
        await BrowserFixture.ScreenshotAsync(kiosk, $"kiosk-notice-{lang}");

        await kiosk.Locator("#notice-close").ClickAsync();
        await Expect(kiosk.Locator("#choose")).ToBeVisibleAsync();
        await Expect(kiosk.Locator("#notice")).ToBeHiddenAsync();
        await kiosk.Context.CloseAsync();
    }

    private static void AssertNoViolations(string[] violations, string state) =>
        Assert.True(violations.Length == 0, $"{state}: {string.Join("\n", violations)}");

    [GeneratedRegex("^A\\d{3}$")]
    private static partial Regex NumberPattern();
}
