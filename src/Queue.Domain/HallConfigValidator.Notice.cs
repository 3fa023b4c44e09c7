using System.Collections.Immutable;
using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>A theme's 一次性告知: bounded lists and texts, each Chinese item with its English.</summary>
public static partial class HallConfigValidator
{
    public const int MaxNoticeMaterials = 20;
    public const int MaxNoticeNotes = 10;
    public const int MaxNoticeItemLength = 300;
    public const int MaxNoticeTextLength = 200;

    /// <summary>The notice checked, with missing lists made empty; null stays null (a theme without a notice).</summary>
    public static ThemeNotice? ValidateNotice(ThemeNotice? notice, string themeCode)
    {
        if (notice is null)
        {
            return null;
        }

        var materials = CheckList(notice.Materials, notice.MaterialsEn, themeCode, "materials", MaxNoticeMaterials);
        var notes = CheckList(notice.Notes, notice.NotesEn, themeCode, "notes", MaxNoticeNotes);
        CheckText(notice.Fees, notice.FeesEn, themeCode, "fees");
        CheckText(notice.TimeToComplete, notice.TimeToCompleteEn, themeCode, "timeToComplete");
        return notice with { Materials = materials.Zh, MaterialsEn = materials.En, Notes = notes.Zh, NotesEn = notes.En };
    }

    private static (ImmutableArray<string> Zh, ImmutableArray<string> En) CheckList(
        ImmutableArray<string> zh, ImmutableArray<string> en, string themeCode, string field, int maxItems)
    {
        zh = zh.IsDefault ? [] : zh;
        en = en.IsDefault ? [] : en;
        Check(zh.Length <= maxItems && en.Length <= maxItems && zh.Concat(en).All(i => IsNoticeText(i, MaxNoticeItemLength)),
            () => Refusals.NoticeSize(themeCode, field, maxItems, MaxNoticeItemLength));
        Check(zh.Length == en.Length, () => Refusals.NoticeTranslation(themeCode, field));
        return (zh, en);
    }

    private static void CheckText(string? zh, string? en, string themeCode, string field)
    {
        Check((zh is null || IsNoticeText(zh, MaxNoticeTextLength)) && (en is null || IsNoticeText(en, MaxNoticeTextLength)),
            () => Refusals.NoticeSize(themeCode, field, 1, MaxNoticeTextLength));
        Check(zh is null == en is null, () => Refusals.NoticeTranslation(themeCode, field));
    }

    private static bool IsNoticeText(string? text, int maxLength) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength && !text.Any(char.IsControl);
}
