using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>The window terminal's commands. Each answers with the window as it is afterwards.</summary>
public static class WindowEndpoints
{
    public static IEndpointRouteBuilder MapWindowEndpoints(this IEndpointRouteBuilder routes)
    {
        const string path = "/api/halls/{hallId}/windows/{windowNo:int}";
        var display = routes.MapGroup(path).WithTags("Windows").RequireHall(Permission.Display).ProducesAccessRefusals().ProducesRefusals(404);
        var window = routes.MapGroup(path).WithTags("Windows").RequireHall(Permission.Operate).ProducesAccessRefusals().ProducesRefusals(404);
        display.MapGet("/", (string hallId, int windowNo, IGrainFactory g) => Run(hallId, windowNo, g, w => w.GetSnapshotAsync()))
            .WithSummary("窗口状态 / The window now");
        window.MapPost("/sign-in", SignIn).ProducesBodyRefusals().ProducesRefusals(409)
            .WithSummary("签到开窗：工作人员以本人账号签到；管理员须指定 staffId 与 staffName / Sign in, opening the window: staff as themselves (no body needed); a manager or administrator names the staff");
        window.MapPost("/sign-out", (string hallId, int windowNo, IGrainFactory g) => Run(hallId, windowNo, g, w => w.SignOutAsync())).ProducesRefusals(409)
            .WithSummary("签退关窗 / Sign out, closing the window");
        window.MapPost("/pause", (string hallId, int windowNo, ReasonRequest? body, IGrainFactory g) =>
            Run(hallId, windowNo, g, w => w.PauseAsync(Reason(body)))).ProducesBodyRefusals().ProducesRefusals(409)
            .WithSummary("暂停（需说明原因）/ Pause with a reason");
        window.MapPost("/resume", (string hallId, int windowNo, IGrainFactory g) => Run(hallId, windowNo, g, w => w.ResumeAsync())).ProducesRefusals(409)
            .WithSummary("恢复 / Resume after a pause");
        window.MapPut("/profile", SetProfile).ProducesBodyRefusals().ProducesRefusals(422).WithSummary("设置受理范围 / Set the themes this window serves");
        window.MapPost("/call-next", (string hallId, int windowNo, IGrainFactory g) => Run(hallId, windowNo, g, w => w.CallNextAsync())).ProducesRefusals(409)
            .WithSummary("叫下一位 / Call the next ticket by the routing rule (current is null when nobody waits)");
        window.MapPost("/recall", (string hallId, int windowNo, IGrainFactory g) => Run(hallId, windowNo, g, w => w.RecallAsync())).ProducesRefusals(409)
            .WithSummary("重呼 / Call the current ticket again");
        window.MapPost("/start", (string hallId, int windowNo, IGrainFactory g) => Run(hallId, windowNo, g, w => w.StartServiceAsync())).ProducesRefusals(409)
            .WithSummary("开始办理 / The citizen arrived: start service");
        window.MapPost("/complete", Complete).ProducesBodyRefusals().ProducesRefusals(409).WithSummary("办结或没办成 / Finish with an outcome");
        window.MapPost("/no-show", (string hallId, int windowNo, IGrainFactory g) => Run(hallId, windowNo, g, w => w.NoShowAsync())).ProducesRefusals(409)
            .WithSummary("过号 / Mark the called ticket as a no-show (after the required recalls)");
        window.MapPost("/transfer", Transfer).ProducesBodyRefusals().ProducesRefusals(409, 422)
            .WithSummary("转办 / Transfer to another theme or window, keeping the place");
        window.MapPost("/hold", (string hallId, int windowNo, ReasonRequest? body, IGrainFactory g) =>
            Run(hallId, windowNo, g, w => w.HoldAsync(Reason(body)))).ProducesBodyRefusals().ProducesRefusals(409)
            .WithSummary("容缺挂起 / Put the ticket on hold for missing materials");
        return routes;
    }

    private static Task<Ok<WindowSnapshot>> SignIn(string hallId, int windowNo, SignInRequest? request, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        SignIn command;
        if (caller.Kind == CallerKind.Staff)
        {
            command = new SignIn(caller.Id, caller.DisplayName);
        }
        else
        {
            var body = RequestRules.Body(request);
            command = new SignIn(RequestRules.Text(body.StaffId, "staffId", 64), RequestRules.Text(body.StaffName, "staffName", 64));
        }

        return Run(hallId, windowNo, grains, w => w.SignInAsync(command));
    }

    private static Task<Ok<WindowSnapshot>> SetProfile(string hallId, int windowNo, WindowProfile? profile, IGrainFactory grains)
    {
        var body = RequestRules.Body(profile);
        RequestRules.Defined<WindowProfileKind>(body.Kind, body.Kind, "kind");
        return Run(hallId, windowNo, grains, w => w.SetProfileAsync(body.Themes.IsDefault ? body with { Themes = [] } : body));
    }

    private static Task<Ok<WindowSnapshot>> Complete(string hallId, int windowNo, CompleteRequest? request, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        var outcome = RequestRules.Defined(body.Outcome, ServiceOutcome.Done, "outcome");
        var reason = outcome == ServiceOutcome.NotDone
            ? RequestRules.Text(body.Reason, "reason", 200)
            : RequestRules.OptionalText(body.Reason, "reason", 200);
        return Run(hallId, windowNo, grains, w => w.CompleteAsync(new CompleteService(outcome, reason)));
    }

    private static Task<Ok<WindowSnapshot>> Transfer(string hallId, int windowNo, TransferRequest? request, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        if (body.ToTheme is null && body.ToWindow is null)
        {
            throw Refusals.TransferTarget();
        }

        var command = new TransferTicket(
            RequestRules.OptionalText(body.ToTheme, "toTheme", 16),
            body.ToWindow,
            RequestRules.OptionalText(body.Note, "note", 200));
        return Run(hallId, windowNo, grains, w => w.TransferAsync(command));
    }

    private static string Reason(ReasonRequest? body) => RequestRules.Text(RequestRules.Body(body).Reason, "reason", 200);

    private static async Task<Ok<WindowSnapshot>> Run(string hallId, int windowNo, IGrainFactory grains, Func<IWindowGrain, Task<WindowSnapshot>> action)
    {
        var window = grains.GetGrain<IWindowGrain>(GrainKeys.Window(RequestRules.HallId(hallId), RequestRules.WindowNo(windowNo)));
        return TypedResults.Ok(await action(window));
    }
}
