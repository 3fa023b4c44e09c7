using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Queue.Contracts.Model;

namespace Queue.UnitTests.Domain;

public sealed partial class RefusalCatalogueTests
{
    /// <summary>Templates whose two languages take different arguments on purpose, and why.</summary>
    private static readonly Dictionary<string, string> DifferentPlaceholders = new()
    {
        ["NotAtWindow"] = "the Chinese sentence says 该号票 (this ticket) rather than its id",
        ["HallClosedUntil"] = "the next opening's day comes in each language (周一 / Mon)",
        ["IssueCutoff"] = "the next opening's day comes in each language (周一 / Mon)",
        ["CheckInTooEarly"] = "the check-in's day comes in each language (今天 / today)",
    };

    [GeneratedRegex(@"\{(\d+)(?::[a-z]+)?\}")]
    private static partial Regex Placeholder();

    public static TheoryData<string> Keys() => [.. Refusals.MessageKeys];

    [Fact]
    public void TheCatalogueIsReadFromTheResources() => Assert.True(Refusals.MessageKeys.Count > 100, $"{Refusals.MessageKeys.Count} messages");

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryMessageHasAChineseAndAnEnglishTemplateThatDifferAndTakeTheSamePlaceholders(string key)
    {
        var zh = Refusals.Template(key, Refusals.Chinese);
        var en = Refusals.Template(key, Refusals.English);
        Assert.False(string.IsNullOrWhiteSpace(zh));
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.NotEqual(en, zh); // a missing zh-CN satellite would fall back to English
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        if (!DifferentPlaceholders.ContainsKey(key))
        {
            Assert.Equal(Placeholders(en!), Placeholders(zh!));
        }
    }

    [Fact]
    public void EveryFactoryMakesARefusalWithACodeAndBothMessagesFilledIn()
    {
        var factories = typeof(Refusals).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(QueueRuleException)).ToList();
        Assert.True(factories.Count > 100, $"{factories.Count} factories");
        var used = new HashSet<string>();
        foreach (var factory in factories)
        {
            var refusal = (QueueRuleException)factory.Invoke(null, [.. factory.GetParameters().Select(Sample)])!;
            var name = factory.Name;
            Assert.False(string.IsNullOrEmpty(refusal.Code), name);
            Assert.NotNull(refusal.MessageKey);
            used.Add(refusal.MessageKey);
            Assert.Contains(refusal.MessageKey, Refusals.MessageKeys);
            Assert.False(string.IsNullOrWhiteSpace(refusal.MessageZh), name);
            Assert.False(string.IsNullOrWhiteSpace(refusal.MessageEn), name);
            Assert.NotEqual(refusal.MessageEn, refusal.MessageZh);
            Assert.DoesNotContain("{", refusal.MessageZh + refusal.MessageEn, StringComparison.Ordinal);
            Assert.Equal(refusal.MessageEn, refusal.Message);
        }

        // Reached with other arguments than the samples: a theme without its hall, the other HTTP statuses.
        Assert.Empty(Refusals.MessageKeys.Except(used.Concat(["ThemeNotFound", "MethodNotAllowed", "NoSuchResource", "UnsupportedMediaType"])));
    }

    [Fact]
    public void ARefusalSaysItsArgumentsInBothLanguagesAsTheSentencesAlwaysDid()
    {
        var occupied = Refusals.WindowOccupied(3, "张三");
        Assert.Equal(("window-occupied", ProblemKind.Conflict), (occupied.Code, occupied.Kind));
        Assert.Equal(["3", "张三"], occupied.Arguments);
        Assert.Equal("3号窗口已由 张三 登录", occupied.MessageZh);
        Assert.Equal("Window 3 is signed in by 张三", occupied.MessageEn);

        var held = Refusals.CannotCancel("A001", TicketStatus.OnHold);
        Assert.Equal("号票A001当前状态为挂起（容缺），不能取消", held.MessageZh);
        Assert.Equal("Ticket A001 is OnHold; cannot cancel", held.MessageEn);

        var closed = Refusals.HallClosed(new TimeOnly(8, 30), new TimeOnly(17, 0));
        Assert.Equal("当前不在取号时间（08:30–17:00）", closed.MessageZh);
        Assert.Equal("Tickets are issued between 08:30 and 17:00 only", closed.MessageEn);

        var locked = Refusals.SignInLocked(TimeSpan.FromSeconds(61));
        Assert.Equal((ProblemKind.TooManyRequests, "密码错误次数过多，请 2 分钟后再试", TimeSpan.FromSeconds(61)), (locked.Kind, locked.MessageZh, locked.RetryAfter));
        Assert.Equal("Duplicate zone id: z1", Refusals.ZoneDuplicate("z1").MessageEn);
        var advice = Refusals.AdviceNotFound(new DateOnly(2026, 11, 24));
        Assert.Equal("2026-11-24 还没有潮汐窗口建议，请先生成", advice.MessageIn(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(advice.MessageEn, advice.MessageIn(CultureInfo.GetCultureInfo("fr-FR"))); // English is the fallback
    }

    /// <summary>
    /// The refusals of the window desk, the theme line and the window grain were once written at their call sites; these
    /// are those sentences, verbatim, and the catalogue must still say them (code, kind and both languages).
    /// </summary>
    [Fact]
    public void TheRefusalsOnceWrittenAtTheirCallSitesSayWhatTheyAlwaysSaid()
    {
        const int windowNo = 3, toWindow = 5, recalls = 2, recallCount = 1;
        const string staffName = "张三", toTheme = "GJJ", hallId = "demo", ticketId = "t-1", display = "A001";
        var opens = new TimeOnly(8, 30);
        var closes = new TimeOnly(17, 0);
        (QueueRuleException Refusal, ProblemKind Kind, string Code, string Zh, string En)[] cases =
        [
            (Refusals.WindowOccupied(windowNo, staffName), ProblemKind.Conflict, "window-occupied", $"{windowNo}号窗口已由 {staffName} 登录", $"Window {windowNo} is signed in by {staffName}"),
            (Refusals.WindowOccupied(windowNo, null), ProblemKind.Conflict, "window-occupied", $"{windowNo}号窗口已由  登录", $"Window {windowNo} is signed in by "),
            (Refusals.TransferThemeNotFound(toTheme), ProblemKind.Unprocessable, "theme-not-found", $"目标服务主题 {toTheme} 不存在", $"Target theme {toTheme} does not exist"),
            (Refusals.TransferSelf(), ProblemKind.Unprocessable, "transfer-self", "不能转给本窗口", "Cannot transfer to this same window"),
            (Refusals.TransferWindowNotFound(toWindow), ProblemKind.Unprocessable, "window-not-found", $"目标窗口 {toWindow} 不存在", $"Target window {toWindow} does not exist"),
            (Refusals.TransferNowhere(), ProblemKind.Unprocessable, "transfer-nowhere", "请选择其他服务主题或指定窗口", "Choose another theme or a window to transfer to"),
            (Refusals.WindowNotServing(toWindow, toTheme), ProblemKind.Unprocessable, "window-not-serving", $"{toWindow}号窗口不受理该主题 {toTheme}", $"Window {toWindow} does not serve theme {toTheme}"),
            (Refusals.WindowClosed(), ProblemKind.Conflict, "window-state", "窗口未登录，请先签到", "The window is closed; sign in first"),
            (Refusals.WindowPaused(), ProblemKind.Conflict, "window-state", "窗口暂停中，请先恢复", "The window is paused; resume first"),
            (Refusals.WindowTicketNotStarted(display), ProblemKind.Conflict, "window-state", $"号票 {display} 尚未开始办理", $"Ticket {display} has not started service"),
            (Refusals.WindowFinishCurrent(display), ProblemKind.Conflict, "window-state", $"请先处理当前号票 {display}", $"Finish the current ticket {display} first"),
            (Refusals.WindowNoTicket(), ProblemKind.Conflict, "window-state", "窗口当前没有号票", "The window has no ticket now"),
            (Refusals.WindowNotFound(hallId, windowNo), ProblemKind.NotFound, "window-not-found", $"大厅 {hallId} 没有 {windowNo} 号窗口", $"Hall {hallId} has no window {windowNo}"),
            (Refusals.HallClosed(opens, closes), ProblemKind.Conflict, "hall-closed", $"当前不在取号时间（{opens:HH\\:mm}–{closes:HH\\:mm}）", $"Tickets are issued between {opens:HH\\:mm} and {closes:HH\\:mm} only"),
            (Refusals.RejoinOnce(), ProblemKind.Unprocessable, "rejoin-once", "过号后只能重新排队一次，请重新取号", "A no-show may rejoin only once; please take a new ticket"),
            (Refusals.RecallFirst(recalls, recallCount), ProblemKind.Conflict, "recall-first", $"请先重呼{recalls}次再标记过号（已重呼{recallCount}次）", $"Recall {recalls} times before marking a no-show ({recallCount} so far)"),
            (Refusals.NotAtWindow(ticketId, windowNo), ProblemKind.Conflict, "not-at-window", $"该号票不在{windowNo}号窗口", $"Ticket {ticketId} is not at window {windowNo}"),
            (Refusals.CannotCancel(display, TicketStatus.Waiting), ProblemKind.Conflict, "wrong-ticket-state", $"号票{display}当前状态为等待中，不能取消", $"Ticket {display} is Waiting; cannot cancel"),
            (Refusals.CannotRejoin(display, TicketStatus.Completed), ProblemKind.Conflict, "wrong-ticket-state", $"号票{display}当前状态为已办结，不能重新排队", $"Ticket {display} is Completed; cannot rejoin"),
            (Refusals.CannotResume(display, TicketStatus.NoShow), ProblemKind.Conflict, "wrong-ticket-state", $"号票{display}当前状态为已过号，不能恢复办理", $"Ticket {display} is NoShow; cannot resume"),
            (Refusals.TicketBeingServed(display, TicketStatus.Serving), ProblemKind.Conflict, "wrong-ticket-state", $"号票{display}当前状态为办理中，不能此操作（号票正在办理中）", $"Ticket {display} is Serving; cannot do this"),
            (Refusals.TicketNotStarted(display, TicketStatus.Called), ProblemKind.Conflict, "wrong-ticket-state", $"号票{display}当前状态为已叫号，不能此操作（号票尚未开始办理）", $"Ticket {display} is Called; cannot do this"),
        ];
        foreach (var (refusal, kind, code, zh, en) in cases)
        {
            Assert.Equal((kind, code, zh, en), (refusal.Kind, refusal.Code, refusal.MessageZh, refusal.MessageEn));
        }

        // The names of the ticket statuses, as the theme line once spelled them in Chinese.
        string[] statusZh = ["等待中", "已叫号", "办理中", "已办结", "已过号", "已转办", "挂起（容缺）", "已取消", "已过期"];
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            Assert.Equal($"号票{display}当前状态为{statusZh[(int)status]}，不能取消", Refusals.CannotCancel(display, status).MessageZh);
            Assert.Equal($"Ticket {display} is {status}; cannot cancel", Refusals.CannotCancel(display, status).MessageEn);
        }
    }

    [Fact]
    public void ARefusalCrossesTheClusterWithItsCodeArgumentsAndMessages()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var sent = Refusals.SignInLocked(TimeSpan.FromMinutes(3));
        var received = Assert.IsType<QueueRuleException>(serializer.Deserialize<QueueRuleException>(serializer.SerializeToArray(sent)));
        Assert.Equal((sent.Kind, sent.Code, sent.MessageKey, sent.MessageZh, sent.MessageEn, sent.RetryAfter), (received.Kind, received.Code, received.MessageKey, received.MessageZh, received.MessageEn, received.RetryAfter));
        Assert.Equal(sent.Arguments, received.Arguments);
        Assert.Equal(sent.MessageEn, received.Message);
    }

    private static int[] Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order()];

    private static object? Sample(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => "X1",
        var t when t == typeof(int) => 7,
        var t when t == typeof(long) => 7L,
        var t when t == typeof(bool) => true,
        var t when t == typeof(DateOnly) => new DateOnly(2026, 11, 24),
        var t when t == typeof(TimeOnly) => new TimeOnly(8, 30),
        var t when t == typeof(TimeSpan) => TimeSpan.FromMinutes(5),
        var t when t == typeof(TicketStatus) => TicketStatus.Waiting,
        var t => throw new InvalidOperationException($"No sample for {t}"),
    };
}
