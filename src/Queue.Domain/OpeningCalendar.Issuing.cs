using System.Globalization;
using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>The opening calendar, asked before a ticket is issued: open, and not past the theme's cut-off.</summary>
public sealed partial class OpeningCalendar
{
    private static readonly string[] DaysZh = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>
    /// Minutes before a period's closing after which <paramref name="theme"/> issues no ticket: its
    /// <see cref="ThemeConfig.IssueCutoffMinutes"/>, else its expected service minutes rounded up; 0 without a calendar.
    /// </summary>
    public int CutoffMinutes(ThemeConfig theme) =>
        !HasCalendar ? 0 : theme.IssueCutoffMinutes ?? (int)Math.Ceiling(theme.ExpectedServiceMinutes);

    /// <summary>Whether <paramref name="theme"/> may issue a ticket at <paramref name="at"/>, and if not when it may next.</summary>
    public IssueVerdict CanIssue(ThemeConfig theme, DateTimeOffset at)
    {
        var closing = Closing(theme.ZoneId, at);
        if (closing is null)
        {
            return new IssueVerdict(false, null, NextOpening(theme.ZoneId, at));
        }

        var cutoff = closing.Value.AddMinutes(-CutoffMinutes(theme));
        return at < cutoff ? new IssueVerdict(true, null, at) : new IssueVerdict(false, cutoff, NextOpening(theme.ZoneId, closing.Value));
    }

    /// <summary>Throws the refusal (409, zh/en, saying when it opens next) unless <paramref name="theme"/> may issue at <paramref name="at"/>.</summary>
    public void EnsureCanIssue(ThemeConfig theme, DateTimeOffset at)
    {
        var verdict = CanIssue(theme, at);
        if (verdict.Allowed)
        {
            return;
        }

        if (verdict.NextOpening is not { } next)
        {
            throw Refusals.HallClosedNoOpening();
        }

        var (zh, en, time) = Describe(next, at);
        throw verdict.CutoffAt is { } cutoff
            ? Refusals.IssueCutoff(TimeText(cutoff), zh, en, time)
            : Refusals.HallClosedUntil(zh, en, time);
    }

    /// <summary>An instant as the hall says it: 今天/Today, a weekday within the week (周一/Mon) or a date, and the time.</summary>
    public (string DayZh, string DayEn, string Time) Describe(DateTimeOffset instant, DateTimeOffset now)
    {
        var day = BusinessClock.Day(instant, TimeZone);
        var days = day.DayNumber - BusinessClock.Day(now, TimeZone).DayNumber;
        var en = CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day.DayOfWeek);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return days switch
        {
            0 => ("今天", "today", TimeText(instant)),
            1 => ("明天", "tomorrow", TimeText(instant)),
            < 7 => (DaysZh[(int)day.DayOfWeek], en, TimeText(instant)),
            _ => ($"{date} {DaysZh[(int)day.DayOfWeek]}", $"{en} {date}", TimeText(instant)),
        };
    }

    private string TimeText(DateTimeOffset instant) => BusinessClock.LocalTime(instant, TimeZone).ToString("HH\\:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// The answer to "may this theme issue now?": <see cref="CutoffAt"/> is set when the zone is open but past the theme's
/// cut-off; <see cref="NextOpening"/> is when it may issue next (null: not within the horizon).
/// </summary>
public readonly record struct IssueVerdict(bool Allowed, DateTimeOffset? CutoffAt, DateTimeOffset? NextOpening);
