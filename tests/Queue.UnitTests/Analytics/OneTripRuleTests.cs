using Microsoft.Extensions.Time.Testing;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

/// <summary>
/// The one-trip rule (最多跑一次) on a fake clock, over the journal the theme's own line writes: the citizen key travels on
/// the issue event, a return for the same theme within 30 days after a 没办成 or a transfer is a second trip.
/// </summary>
public sealed class OneTripRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 30, 0, TimeSpan.Zero); // Monday 09:30 in Shanghai
    private static readonly DateOnly Day0 = new(2026, 11, 2);
    private static readonly TimeZoneInfo Zone = BusinessClock.Zone(HallConfig.DefaultTimeZone);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Dictionary<string, ThemeQueueState> _lines = new() { ["BDC"] = new(), ["GJJ"] = new() };
    private readonly List<HallEvent> _journal = [];

    [Fact]
    public void AReturnOnDay29AfterANotDoneIsASecondTripAndOnDay31ItIsNot()
    {
        Served("BDC", "A", ServiceOutcome.NotDone);
        Served("BDC", "C", ServiceOutcome.NotDone);
        Later(29);
        var a = Served("BDC", "A", ServiceOutcome.Done);
        Later(2);
        var c = Served("BDC", "C", ServiceOutcome.Done);

        var visits = OneTripRule.Visits(_journal, Zone);
        var report = OneTripRule.Report("h", Day0, Day0.AddDays(31), OneTripRule.ByDay, 30, visits);

        Assert.Equal(OneTripRule.Verdict.Repeat, Verdict(visits, a));
        Assert.Equal(OneTripRule.Verdict.OneTrip, Verdict(visits, c));
        Assert.Equal((4, 3, 1, 0, 0.75), (report.Hall.Visits, report.Hall.OneTrip, report.Hall.Repeat, report.Hall.Unknown, report.Hall.Rate));
        Assert.Equal([("2026-11-02", 2, 0), ("2026-12-01", 0, 1), ("2026-12-03", 1, 0)], report.Rows.Select(r => (r.Key, r.OneTrip, r.Repeat)));
    }

    [Fact]
    public void DayThirtyStillCountsAndTheLimitIsTheHallsSetting()
    {
        Served("BDC", "A", ServiceOutcome.NotDone);
        Later(30);
        Served("BDC", "A", ServiceOutcome.Done);

        var visits = OneTripRule.Visits(_journal, Zone);

        Assert.Equal(1, OneTripRule.Report("h", Day0, Day0.AddDays(30), OneTripRule.ByDay, 30, visits).Hall.Repeat);
        Assert.Equal(0, OneTripRule.Report("h", Day0, Day0.AddDays(30), OneTripRule.ByDay, 29, visits).Hall.Repeat);
    }

    [Fact]
    public void AReturnForAnotherThemeOrAfterADoneServiceIsOneTrip()
    {
        Served("BDC", "A", ServiceOutcome.NotDone);
        Served("BDC", "D", ServiceOutcome.Done);
        Later(2);
        var other = Served("GJJ", "A", ServiceOutcome.Done);
        var again = Served("BDC", "D", ServiceOutcome.Done);

        var visits = OneTripRule.Visits(_journal, Zone);

        Assert.Equal(OneTripRule.Verdict.OneTrip, Verdict(visits, other));
        Assert.Equal(OneTripRule.Verdict.OneTrip, Verdict(visits, again));
        Assert.Equal(1.0, OneTripRule.Report("h", Day0, Day0.AddDays(2), OneTripRule.ByTheme, 30, visits).Hall.Rate);
    }

    [Fact]
    public void AfterATransferAReturnForEitherThemeIsASecondTrip()
    {
        var first = Issue("BDC", "B");
        Line("BDC").Claim(first, 1);
        Line("BDC").TransferOut(first, 1, "GJJ", null, "材料属公积金");
        Collect();
        Later(5);
        var gjj = Served("GJJ", "B", ServiceOutcome.Done);
        var bdc = Served("BDC", "B", ServiceOutcome.Done);

        var visits = OneTripRule.Visits(_journal, Zone);
        var byTheme = OneTripRule.Report("h", Day0, Day0.AddDays(5), OneTripRule.ByTheme, 30, visits);

        Assert.Equal(OneTripRule.Verdict.Repeat, Verdict(visits, gjj));
        Assert.Equal(OneTripRule.Verdict.Repeat, Verdict(visits, bdc));
        Assert.Equal([("BDC", 2, 1, 1), ("GJJ", 1, 0, 1)], byTheme.Rows.Select(r => (r.Key, r.Visits, r.OneTrip, r.Repeat)));
    }

    [Fact]
    public void TicketsWithoutACitizenKeyAreUnknownNeverSuccesses()
    {
        Served("BDC", null, ServiceOutcome.NotDone);
        Later(1);
        Served("BDC", null, ServiceOutcome.Done);

        var report = OneTripRule.Report("h", Day0, Day0.AddDays(1), OneTripRule.ByMonth, 30, OneTripRule.Visits(_journal, Zone));

        Assert.Equal((2, 0, 0, 2, (double?)null), (report.Hall.Visits, report.Hall.OneTrip, report.Hall.Repeat, report.Hall.Unknown, report.Hall.Rate));
        Assert.Equal(["2026-11"], report.Rows.Select(r => r.Key));
    }

    [Fact]
    public void AVisitBeforeThePeriodIsReadOnlyAsTheLookback()
    {
        Served("BDC", "A", ServiceOutcome.NotDone);
        Later(10);
        Served("BDC", "A", ServiceOutcome.Done);

        var report = OneTripRule.Report("h", Day0.AddDays(10), Day0.AddDays(10), OneTripRule.ByDay, 30, OneTripRule.Visits(_journal, Zone));

        Assert.Equal((1, 1, 0.0), (report.Hall.Visits, report.Hall.Repeat, report.Hall.Rate));
    }

    private static OneTripRule.Verdict Verdict(IReadOnlyList<OneTripRule.Visit> visits, string ticketId)
    {
        var visit = visits.Single(v => v.TicketId == ticketId);
        return OneTripRule.Judge(visit, visits.Where(v => v.CitizenKey == visit.CitizenKey), 30);
    }

    private string Served(string theme, string? citizen, ServiceOutcome outcome)
    {
        var id = Issue(theme, citizen);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Line(theme).Claim(id, 1);
        Line(theme).StartService(id, 1);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Line(theme).Complete(id, 1, new CompleteService(outcome, outcome == ServiceOutcome.NotDone ? "缺材料" : null, "s1"));
        Collect();
        return id;
    }

    private string Issue(string theme, string? citizen)
    {
        var line = Line(theme);
        line.EnsureDay();
        var id = line.Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null, citizen is null ? null : "c1:" + citizen)).TicketId;
        Collect();
        return id;
    }

    private void Later(int days) => _clock.SetUtcNow(Start.AddDays((_clock.GetUtcNow() - Start).Days + days));

    private ThemeLine Line(string theme) =>
        new(_lines[theme], new ThemeContext("h", HallConfig.DefaultTimeZone, new ThemeConfig(theme, theme, theme, theme[..1], "z"), RoutingPolicy.Default), _clock.GetUtcNow());

    private void Collect()
    {
        foreach (var state in _lines.Values)
        {
            _journal.AddRange(state.PendingEvents);
            state.PendingEvents.Clear();
        }
    }
}
