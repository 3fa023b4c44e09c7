using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Queue.Contracts.Model;

namespace Queue.Tests.Domain;

public sealed partial class RefusalCatalogueTests
{
    /// <summary>Templates whose two languages take different arguments on purpose, and why.</summary>
    private static readonly Dictionary<string, string> DifferentPlaceholders = new()
    {
        ["NotAtWindow"] = "the Chinese sentence says 该号票 (this ticket) rather than its id",
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
