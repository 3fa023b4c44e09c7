using System.Collections.Immutable;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

/// <summary>一次性告知 in a hall's configuration: bounded, translated item for item, optional.</summary>
public sealed class ThemeNoticeTests
{
    [Fact]
    public void TheDemoHallsThemesEachCarryANoticeInBothLanguagesItemForItem()
    {
        var hall = HallConfigValidator.Validate(DemoHall.Load(), DemoHall.Load().HallId);

        Assert.All(hall.Themes, t =>
        {
            var notice = Assert.IsType<ThemeNotice>(t.Notice);
            Assert.NotEmpty(notice.Materials);
            Assert.Equal(notice.Materials.Length, notice.MaterialsEn.Length);
            Assert.Equal(notice.Notes.Length, notice.NotesEn.Length);
            Assert.NotNull(notice.Fees);
            Assert.NotNull(notice.TimeToCompleteEn);
        });
        Assert.Contains("《出生医学证明》", hall.FindTheme("XSE")!.Notice!.Materials);
        Assert.Contains("80 元", hall.FindTheme("BDC")!.Notice!.Fees, StringComparison.Ordinal);
    }

    [Fact]
    public void AThemeWithoutANoticeStillLoadsAndMissingListsBecomeEmpty()
    {
        var hall = HallConfigValidator.Validate(Hall(null), "h");
        Assert.Null(hall.Themes[0].Notice);

        var bare = HallConfigValidator.Validate(Hall(new ThemeNotice(default, default, default, default)), "h").Themes[0].Notice!;
        Assert.Equal((0, 0, 0, 0), (bare.Materials.Length, bare.MaterialsEn.Length, bare.Notes.Length, bare.NotesEn.Length));
    }

    [Theory]
    [InlineData("count")]
    [InlineData("length")]
    [InlineData("control")]
    [InlineData("blank")]
    [InlineData("fees")]
    public void ANoticeTooLongTooManyOrWithControlCharactersIsRefusedInBothLanguages(string fault)
    {
        var materials = fault switch
        {
            "count" => Enumerable.Range(0, HallConfigValidator.MaxNoticeMaterials + 1).Select(i => "材料" + i).ToImmutableArray(),
            "length" => [new string('材', HallConfigValidator.MaxNoticeItemLength + 1)],
            "control" => ["身份证\n原件"],
            "blank" => [" "],
            _ => ImmutableArray.Create("身份证"),
        };
        var notice = new ThemeNotice(materials, [.. materials.Select(m => m + " en")], [], [], Fees: fault == "fees" ? new string('元', 201) : null, FeesEn: fault == "fees" ? "CNY" : null);

        var refused = Assert.Throws<QueueRuleException>(() => HallConfigValidator.Validate(Hall(notice), "h"));
        Assert.Equal(("theme-notice", ProblemKind.Unprocessable), (refused.Code, refused.Kind));
        Assert.Contains("BDC", refused.MessageZh, StringComparison.Ordinal);
        Assert.Contains("BDC", refused.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ANoticeWithoutItsEnglishItemForItemIsRefused()
    {
        var missing = new ThemeNotice(["身份证", "户口簿"], ["ID card"], [], []);
        var fees = new ThemeNotice(["身份证"], ["ID card"], [], [], Fees: "不收费");

        Assert.Equal("theme-notice", Assert.Throws<QueueRuleException>(() => HallConfigValidator.Validate(Hall(missing), "h")).Code);
        var refused = Assert.Throws<QueueRuleException>(() => HallConfigValidator.Validate(Hall(fees), "h"));
        Assert.Contains("fees", refused.MessageEn, StringComparison.Ordinal);
    }

    private static HallConfig Hall(ThemeNotice? notice) => new(
        "h", "测试", "Test", HallConfig.DefaultTimeZone, new TimeOnly(8, 30), new TimeOnly(17, 0),
        [new ZoneConfig("z", "区", "Zone")],
        [new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "z", Notice: notice)],
        [new WindowConfig(1, "z", WindowProfile.Dedicated("BDC"))],
        RoutingPolicy.Default);
}
