using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Queue.Engine.Webhooks;
using Queue.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// 短信提醒 in real Chromium: a citizen gives a phone with consent on the 390 px remote-ticket page and a real local
/// receiver gets the ticket's issued and called notices carrying that phone, signed; at the kiosk the field is optional
/// and a bad number or a missing consent is refused in Chinese and English before any ticket is taken. Window 3
/// (不动产登记) serves, as in <see cref="RemoteTicketPageTests"/>. Every state passes axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotifyPhonePageTests(BrowserFixture fixture)
{
    private const int Window = 3;
    private const string Secret = "browser-notify-phone-secret";
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task APhoneGivenWithConsentOnTheRemotePageReachesTheReceiverWithTheIssuedAndCalledNotices()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Start();
        var hook = await fixture.Api.PostToAsync("/api/halls/binjiang/webhooks", new { url = receiver.Url, secret = Secret, eventTypes = new[] { "ticket.issued", "ticket.called" } });
        var hookId = hook.GetProperty("endpointId").GetString()!;
        try
        {
            await fixture.Api.SignInAsync(Window);
            var phone = await fixture.NewPageAsync(390, 844, mobile: true);
            await phone.GotoAsync("/remote/binjiang");
            await Expect(phone.Locator("label[for='theme-BDC'] .theme-wait")).ToHaveTextAsync(new Regex("^等候 \\d+ 人"), Soon);
            await phone.Locator("#theme-BDC").CheckAsync();
            var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await phone.Locator("#phone").FillAsync(mobile); // the per-person limit's number: a fresh one for each run
            await Expect(phone.Locator(".notify-title")).ToHaveTextAsync("短信提醒（可选）");
            await Expect(phone.Locator("#notify-privacy")).ToHaveTextAsync("号码加密保存，仅当天有效，只用于本号的提醒。");
            await Expect(phone.Locator("#notify-phone")).ToHaveAttributeAsync("inputmode", "numeric");
            await phone.Locator("#notify-phone").FillAsync("138 0013 8000");
            await phone.Locator("#notify-consent").CheckAsync();
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
            AssertNoViolations(await Axe.ViolationsAsync(phone), "remote page with a notify phone");
            await BrowserFixture.ScreenshotAsync(phone, "remote-notify");
            await phone.Locator("#submit").ClickAsync();

            await phone.WaitForURLAsync(new Regex("/t/binjiang\\.BDC\\."), new() { Timeout = 10_000 });
            await Expect(phone.Locator("#number")).ToHaveTextAsync(new Regex("^A\\d{3}$"), Soon);
            var number = await phone.Locator("#number").TextContentAsync() ?? "";
            await FinishCurrentAsync(); // another test may have left a ticket at the window
            for (var i = 0; i < 80 && await fixture.Api.CallNextAsync(Window) != number; i++)
            {
                await fixture.Api.WindowAsync(Window, "start");
                await fixture.Api.WindowAsync(Window, "complete");
            }

            await Eventually.Until(() => Notices(receiver, number).Count >= 2, TimeSpan.FromSeconds(30), "the issued and called notices arrive");
            var notices = Notices(receiver, number);
            Assert.Equal(["ticket.called", "ticket.issued"], notices.Select(n => n.Received.Type).Order());
            foreach (var (received, body) in notices)
            {
                Assert.True(WebhookSignature.Verify(Secret, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
                Assert.Equal("13800138000", body.GetProperty("citizen").GetProperty("phone").GetString());
            }

            await phone.Context.CloseAsync();
        }
        finally
        {
            await fixture.Api.PutAsync($"/api/halls/binjiang/webhooks/{hookId}", new { url = receiver.Url, eventTypes = new[] { "ticket.issued" }, enabled = false });
        }
    }

    [Theory]
    [InlineData("zh", 1080, 1920, "短信提醒（可选）", "短信提醒：139****5678", "手机号格式不对：请输入 11 位手机号码", "要短信提醒，请先勾选同意；不需要可留空")]
    [InlineData("en", 1920, 1080, "Text me (optional)", "Text to 139****5678", "That is not a mobile number: enter the 11 digits", "Tick the box to get texts, or leave the number empty")]
    public async Task AtTheKioskTheFieldIsOptionalAndABadNumberOrAMissingConsentIsRefused(
        string lang, int width, int height, string toggle, string given, string badNumber, string noConsent)
    {
        var kiosk = await fixture.OpenAsync($"/kiosk/binjiang?lang={lang}", width, height, visitor: Visitor.Kiosk);
        var theme = kiosk.Locator("button.theme[data-theme='SW']");
        await Expect(theme.Locator(".theme-facts")).Not.ToBeEmptyAsync(new() { Timeout = 10_000 });
        Assert.True(await kiosk.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Expect(kiosk.Locator("#notify")).ToBeHiddenAsync(); // one button beside 预约签到 until a citizen wants it
        await Expect(kiosk.Locator("#notify-toggle")).ToHaveTextAsync(toggle);
        await Expect(theme).ToBeInViewportAsync();

        // Typed on the keypad: five digits are no mobile number.
        await kiosk.Locator("#notify-toggle").ClickAsync();
        await Expect(kiosk.Locator(".notify-keypad")).ToBeInViewportAsync();
        await Expect(kiosk.Locator(".notify-done")).ToBeInViewportAsync();
        foreach (var digit in "13912")
        {
            await kiosk.Locator(".notify-keypad .notify-key", new() { HasTextString = digit.ToString() }).First.ClickAsync();
        }

        await Expect(kiosk.Locator("#notify-phone")).ToHaveValueAsync("13912");
        AssertNoViolations(await Axe.ViolationsAsync(kiosk), "kiosk with the notify field open");
        await BrowserFixture.ScreenshotAsync(kiosk, $"kiosk-notify-{lang}");
        await kiosk.Locator(".notify-done").ClickAsync();
        await Expect(kiosk.Locator("#notify")).ToBeHiddenAsync();
        await theme.ClickAsync();
        await Expect(kiosk.Locator("#error")).ToHaveTextAsync(badNumber);
        await Expect(kiosk.Locator("#issued")).ToBeHiddenAsync();

        await kiosk.Locator("#notify-toggle").ClickAsync();
        await kiosk.Locator("#notify-phone").FillAsync("13912345678");
        await kiosk.Locator(".notify-done").ClickAsync();
        await Expect(kiosk.Locator("#notify-toggle")).ToHaveTextAsync(given);
        await theme.ClickAsync();
        await Expect(kiosk.Locator("#error")).ToHaveTextAsync(noConsent);
        await Expect(kiosk.Locator("#issued")).ToBeHiddenAsync();
        AssertNoViolations(await Axe.ViolationsAsync(kiosk), "kiosk refusing a phone without consent");

        // Left empty, the field is no obstacle: the ticket is taken.
        await kiosk.Locator("#notify-toggle").ClickAsync();
        await kiosk.Locator(".notify-keypad .notify-key").Last.ClickAsync(); // clear
        await Expect(kiosk.Locator("#notify-phone")).ToHaveValueAsync("");
        await kiosk.Locator(".notify-done").ClickAsync();
        await theme.ClickAsync();
        await Expect(kiosk.Locator("#slip-number")).ToHaveTextAsync(new Regex("^[A-Z]\\d{3}$"), Soon);
        await kiosk.Context.CloseAsync();
    }

    private async Task FinishCurrentAsync()
    {
        foreach (var command in new[] { "start", "complete" })
        {
            try
            {
                await fixture.Api.WindowAsync(Window, command);
            }
            catch (HttpRequestException)
            {
                // nothing to start or to complete
            }
        }
    }

    private static List<(ReceivedWebhook Received, JsonElement Body)> Notices(WebhookReceiver receiver, string number) =>
        [.. receiver.Distinct
            .Select(r => (Received: r, Body: JsonDocument.Parse(r.Body).RootElement.Clone()))
            .Where(n => n.Body.TryGetProperty("ticket", out var t) && t.GetProperty("number").GetString() == number
                        && t.GetProperty("theme").GetProperty("code").GetString() == "BDC")];

    private static void AssertNoViolations(string[] violations, string state) =>
        Assert.True(violations.Length == 0, $"{state}: {string.Join("\n", violations)}");
}
