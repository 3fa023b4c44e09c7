extern alias dashboard;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Queue.Contracts;
using Queue.Contracts.Model;
using Queue.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// An overdue 差评 case on the manager page. The product runs in this process on Kestrel (127.0.0.1, a free port) with
/// the queue's clock a fake one, so that ten days can pass: the follow-up of a real-name 差评 is then past its deadline,
/// shown in red with its days over, and stays overdue once handled to 已回访 (only 已办结 ends the deadline). Chromium at
/// 1920×1080, its own instance.
/// </summary>
public sealed class CasesOverduePageTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cases-overdue-").FullName;
    private readonly int _port = FreePort.Next();
    private readonly string _password = "cases-" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<dashboard::Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<dashboard::Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Queue:DataPath", Path.Combine(_data, "queue.db"));
            web.UseSetting("Queue:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            web.UseSetting("Queue:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            web.UseSetting("Queue:SeedDemoHall", "false");
            web.UseSetting("Queue:Simulator:Enabled", "false");
            web.UseSetting("Queue:TimeSeries:SeedHistory", "false");
            web.UseSetting("Queue:Security:AdministratorPassword", _password);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(QueueClock.Key, _clock));
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task AnOverdue差评CaseIsRedWithItsDaysOverAndStaysOverdueWhenCalledBack()
    {
        const string hallId = "cases-late";
        using var api = new HttpClient { BaseAddress = BaseAddress };
        await SignInAsync(api);
        (await api.PutAsJsonAsync($"/api/halls/{hallId}", TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")), QueueJson.Options)).EnsureSuccessStatusCode();
        var ticket = await Post(api, $"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", phone = "13800138000" });
        await Post(api, $"/api/halls/{hallId}/windows/1/sign-in", new { staffId = "late-staff", staffName = "测试员" });
        await Post(api, $"/api/halls/{hallId}/windows/1/call-next", new { });
        await Post(api, $"/api/halls/{hallId}/windows/1/start", new { });
        await Post(api, $"/api/halls/{hallId}/windows/1/complete", new { outcome = "Done" });
        await Post(api, $"/api/tickets/{Uri.EscapeDataString(ticket.GetProperty("ticketId").GetString()!)}/rating?k={Uri.EscapeDataString(ticket.GetProperty("accessKey").GetString()!)}",
            new { level = 1, comment = "没人管" });

        _clock.Advance(TimeSpan.FromDays(10)); // five working days are at most nine calendar days (a weekend and one more)
        var token = await SignInAsync(api);
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/halls/{hallId}/cases", QueueJson.Options);
        var late = listed.GetProperty("items")[0];
        Assert.True(late.GetProperty("overdue").GetBoolean());
        var days = late.GetProperty("daysOverdue").GetInt32();
        Assert.True(days >= 1, $"{days} days overdue");

        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", BaseURL = BaseAddress.ToString() });
        await context.AddCookiesAsync([new() { Name = "queue_session", Value = token, Domain = "127.0.0.1", Path = "/", HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/manager/{hallId}");
        var row = page.Locator("#cases-list tr[data-case]");
        await Expect(row).ToHaveAttributeAsync("data-overdue", "true", new() { Timeout = 20_000 });
        var deadline = row.Locator("td.overdue");
        await Expect(deadline.Locator("strong")).ToHaveTextAsync($"逾期 {days} 天");
        Assert.Equal("rgb(164, 14, 38)", await deadline.EvaluateAsync<string>("td => getComputedStyle(td).color"));
        await Expect(page.Locator("#cases-summary")).ToHaveTextAsync("共 1 件，其中逾期 1 件");

        await row.Locator("button.cases-edit").ClickAsync();
        await page.Locator("#cases-edit-status").SelectOptionAsync("CalledBack");
        await page.Locator("#cases-edit-note").FillAsync("逾期后补回访");
        await page.Locator("#cases-edit-save").ClickAsync();
        await Expect(row.Locator("td.status")).ToHaveTextAsync("已回访");
        await Expect(row).ToHaveAttributeAsync("data-overdue", "true");
        await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; /tmp is cleaned by the system
        }
    }

    /// <summary>Signs in as the first administrator once the product has made it (it does so in the background at start).</summary>
    private async Task<string> SignInAsync(HttpClient api)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await api.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = _password });
            if (response.IsSuccessStatusCode)
            {
                var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
                api.DefaultRequestHeaders.Authorization = new("Bearer", token);
                return token;
            }

            if (attempt >= 120)
            {
                throw new InvalidOperationException($"The administrator could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(500); // waiting for the product's own start, not for a result under test
        }
    }

    private static async Task<JsonElement> Post(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body, QueueJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
