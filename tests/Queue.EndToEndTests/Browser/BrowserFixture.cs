using Microsoft.Playwright;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The product as a child process, seeded with a few waiting tickets so pages have something to show, a kiosk and a
/// board registered for the pages that are devices, and Debian's Chromium driven by Playwright (STACK.md:
/// `playwright install` cannot download here). Autoplay is allowed so that boards may speak without a tap.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdministratorUserName = "admin";
    private readonly ProductProcess _product = new(new ProductOptions
    {
        Name = "the product (browser tests)",
        ReadyPath = "/api/halls/binjiang",
        Environment = new Dictionary<string, string>
        {
            ["Queue__Security__AdministratorUserName"] = AdministratorUserName,
            ["Queue__DemoOpeningCalendar"] = "false", // the tests issue demo tickets at any hour of any day
            ["Queue__Security__AdministratorPassword"] = AdministratorPassword,
            // Every page and the API come from one loopback address: the public endpoints' limits out of the way.
            ["Queue__Security__RateLimits__CitizenIssuePerMinute"] = "100000",
            ["Queue__Security__RateLimits__KioskIssuePerMinute"] = "1000000",
            ["Queue__Security__RateLimits__TicketRequestsPerMinute"] = "1000000",
            ["Queue__Security__RateLimits__SignInsPerMinute"] = "100000",
        },
    });
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private RegisteredDevice? _kiosk;
    private RegisteredDevice? _board;

    /// <summary>The API as the administrator.</summary>
    public HallApi Api { get; private set; } = null!;

    public Uri BaseAddress => _product.BaseAddress;

    public string ProductOutput => _product.Output;

    /// <summary>The first administrator's password, given to the product (a fresh one per run) instead of one generated and printed.</summary>
    public static string AdministratorPassword { get; } = "browser-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    /// <summary>
    /// Where the pages' screenshots go: docs/screenshots when QUEUE_UPDATE_SCREENSHOTS=1 (to refresh the README's), else
    /// TestResults/screenshots, so that a test run leaves the working tree as it found it.
    /// </summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("QUEUE_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepoRoot.Path, "docs", "screenshots")
        : Path.Combine(RepoRoot.Path, "tests", "Queue.EndToEndTests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./scripts/test.sh (it installs chromium and fonts-noto-cjk) or apt-get install -y chromium fonts-noto-cjk");
        }

        _product.Start();
        var product = _product.WaitUntilReadyAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"],
        });
        await product;
        Api = await HallApi.LogInAsync(BaseAddress, AdministratorUserName, AdministratorPassword);
        _kiosk = await Api.RegisterDeviceAsync("Kiosk", "测试取号机 Test kiosk");
        _board = await Api.RegisterDeviceAsync("Board", "测试叫号屏 Test board");
        foreach (var theme in new[] { "SW", "SW", "SW", "GJJ", "GJJ", "XSE", "SBYB", "SBYB", "SBYB", "SBYB", "BDC", "BDC", "BDC" })
        {
            await Api.IssueAsync(theme);
        }

        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A page opened and connected: a fresh context as <paramref name="visitor"/> (see <see cref="NewPageAsync"/>).</summary>
    public async Task<IPage> OpenAsync(string path, int width, int height, bool mobile = false, string? initScript = null, Visitor visitor = Visitor.Administrator)
    {
        var page = await NewPageAsync(width, height, mobile, visitor);
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }

        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>
    /// A fresh browser context (its own storage and cookies, so language choices and sign-ins do not leak) with one
    /// blank page; the visitor's credential, if any, is its <c>queue_session</c> (a person) or <c>queue_device</c> cookie,
    /// as signing in or a device link would have left it.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool mobile = false, Visitor visitor = Visitor.Nobody)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            BaseURL = BaseAddress.ToString(),
        });
        var token = visitor switch
        {
            Visitor.Administrator => Api.Token,
            Visitor.Kiosk => _kiosk!.Token,
            Visitor.Board => _board!.Token,
            _ => null,
        };
        if (token is not null)
        {
            var cookie = token.StartsWith("qd1.", StringComparison.Ordinal) ? "queue_device" : "queue_session";
            await context.AddCookiesAsync([new() { Name = cookie, Value = token, Domain = BaseAddress.Host, Path = "/", HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        }

        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), Animations = ScreenshotAnimations.Disabled });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _product.DisposeAsync();
        Api?.Dispose();
    }
}
