using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// Staff at the windows, one closed-model copy per window: sign in once, then each iteration serves one
/// ticket — call next, start, a compressed service time, complete ("Done") — or, now and then, recalls twice
/// and marks a no-show, or transfers to another theme. Every step follows the state the product answered,
/// so a window left calling or serving by an earlier run simply carries on. Copies take the halls' windows
/// across the halls (window 1 of each hall first), leaving out <see cref="WindowStaffOptions.ExcludedWindows"/>.
/// </summary>
public sealed class WindowStaff
{
    public const string SignIn = "sign-in";
    public const string CallNext = "call-next";
    public const string Start = "start";
    public const string Complete = "complete";
    public const string Recall = "recall";
    public const string NoShow = "no-show";
    public const string Transfer = "transfer";
    public const string Resume = "resume";
    private readonly ProductTarget _target;
    private readonly WindowStaffOptions _options;
    private readonly WindowSeat[] _seats;

    public WindowStaff(ProductTarget target, WindowStaffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _options = options ?? new WindowStaffOptions();
        // Across the halls first (window 1 of every hall, then window 2 …), so a few copies already cover the province.
        _seats = [.. target.Halls
            .SelectMany((h, hall) => h.Windows.Where(w => !_options.ExcludedWindows.Contains(w.WindowNo)).Select((w, i) => (i, hall, Seat: new WindowSeat(h, w.WindowNo))))
            .OrderBy(s => s.i).ThenBy(s => s.hall).Select(s => s.Seat)];
    }

    /// <summary>How many windows the halls have: the most copies this scenario can run.</summary>
    public int Windows => _seats.Length;

    public Scenario Create(string name, params LoadSimulation[] load)
    {
        var timeline = LoadTimeline.From(load);
        if (timeline.HasOpen)
        {
            throw new ArgumentException("Window staff is a closed model: one copy per window (KeepConstant or RampingConstant).", nameof(load));
        }

        if (timeline.MaxCopies > _seats.Length)
        {
            throw new ArgumentException($"{timeline.MaxCopies} copies asked for but the halls have {_seats.Length} windows.", nameof(load));
        }

        return Scenario.Create(name, IterateAsync).WithLoad(load);
    }

    private async Task<Response> IterateAsync(ScenarioContext context)
    {
        var seat = _seats[context.InstanceNumber];
        if (!seat.SignedIn)
        {
            var body = new { staffId = $"load-{seat.WindowNo}", staffName = $"压测员{seat.WindowNo}" };
            var signedIn = await Call(context, seat, SignIn, body);
            if (!signedIn.IsOk)
            {
                return signedIn;
            }

            seat.SignedIn = true;
        }

        return seat.State switch
        {
            WindowState.Paused => await Call(context, seat, Resume),
            WindowState.Idle => await CallAndServeAsync(context, seat),
            WindowState.Calling => await ServeCalledAsync(context, seat),
            WindowState.Serving => await FinishAsync(context, seat),
            _ => Response.Fail("window-closed", $"window {seat.WindowNo} is {seat.State} after sign-in"),
        };
    }

    private async Task<Response> CallAndServeAsync(ScenarioContext context, WindowSeat seat)
    {
        var called = await Call(context, seat, CallNext);
        if (!called.IsOk)
        {
            return called;
        }

        if (seat.Current is null)
        {
            await Task.Delay(_options.IdleWait, context.CancellationToken); // nobody waits: look again shortly
            return Response.Ok("idle");
        }

        return await ServeCalledAsync(context, seat);
    }

    private async Task<Response> ServeCalledAsync(ScenarioContext context, WindowSeat seat)
    {
        if (Random.Shared.NextDouble() < _options.NoShowShare)
        {
            for (var i = 0; i < 2; i++)
            {
                var recalled = await Call(context, seat, Recall);
                if (!recalled.IsOk)
                {
                    return recalled;
                }
            }

            return await Call(context, seat, NoShow);
        }

        var started = await Call(context, seat, Start);
        return started.IsOk ? await FinishAsync(context, seat) : started;
    }

    private async Task<Response> FinishAsync(ScenarioContext context, WindowSeat seat)
    {
        var theme = seat.Current is { } current ? seat.Hall.FindTheme(current.ThemeCode) : null;
        await Task.Delay(ServiceTime(theme), context.CancellationToken);
        var transferTo = TransferTarget(seat.Hall, theme?.Code);
        return transferTo is not null && Random.Shared.NextDouble() < _options.TransferShare
            ? await Call(context, seat, Transfer, new { toTheme = transferTo })
            : await Call(context, seat, Complete, new { outcome = "Done" });
    }

    private TimeSpan ServiceTime(ThemeConfig? theme)
    {
        var minutes = theme?.ExpectedServiceMinutes ?? 10;
        return TimeSpan.FromSeconds(minutes * 60 * _options.ServiceTimeScale * (0.5 + Random.Shared.NextDouble()));
    }

    private string? TransferTarget(HallConfig hall, string? from)
    {
        if (hall.FindTheme(_options.TransferTheme) is not null && _options.TransferTheme != from)
        {
            return _options.TransferTheme;
        }

        return hall.Themes.Select(t => t.Code).FirstOrDefault(c => c != from);
    }

    private Task<Response> Call(ScenarioContext context, WindowSeat seat, string step, object? body = null) =>
        context.Step(step, async () =>
        {
            var (response, snapshot) = await HttpCall.SendAsync<WindowSnapshot>(
                _target.Client, HttpMethod.Post, $"{seat.Path}/{step}", body ?? new { }, context.CancellationToken);
            seat.Update(snapshot);
            seat.SignedIn &= response.IsOk; // after a refusal, sign in again next time: its answer resynchronises the state
            return response;
        });
}
