using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Queue.WebTests.Http;
using Queue.WebTests.Live;
using Xunit.Abstractions;
using static Queue.WebTests.Security.Callers;

namespace Queue.WebTests.Security;

/// <summary>
/// The role × hub-method matrix: anyone may connect to /hubs/queue (a phone has no account), and each method lets
/// through exactly the callers the design names. A refusal is a HubException carrying the code: "unauthorized" (or
/// "ticket-key") for nobody in particular, "forbidden" (or "ticket-key") for a caller without the right.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class HubAccessMatrixTests(QueueWebFactory factory, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryHubMethodLetsThroughExactlyTheCallersTheDesignAllows()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        (string Name, Func<HubConnection, Task> Call, Callers[] Allowed)[] methods =
        [
            ("WatchHall", c => c.InvokeAsync<object>("WatchHall", world.HallA, null), AccessMatrix.Display),
            ("WatchHall (zone)", c => c.InvokeAsync<object>("WatchHall", world.HallA, "z"), AccessMatrix.Display),
            ("WatchManager", c => c.InvokeAsync<object>("WatchManager", world.HallA), AccessMatrix.Display),
            ("WatchWindow", c => c.InvokeAsync<object>("WatchWindow", world.HallA, 1), AccessMatrix.Display),
            ("GetSnapshot", c => c.InvokeAsync<object>("GetSnapshot", world.HallA), AccessMatrix.Display),
            ("WatchTicket without its key", c => c.InvokeAsync<object>("WatchTicket", world.Ticket.TicketId, null), AccessMatrix.Operate),
            ("WatchTicket with a wrong key", c => c.InvokeAsync<object>("WatchTicket", world.Ticket.TicketId, "AAAAAAAAAAAAAAAAAAAAAA"), AccessMatrix.Operate),
            ("WatchTicket with its key", c => c.InvokeAsync<object>("WatchTicket", world.Ticket.TicketId, world.Ticket.AccessKey), AccessMatrix.Everyone),
        ];
        var wrong = new List<string>();
        foreach (var caller in SecurityWorld.All)
        {
            await using var client = await HubClient.ConnectAsync(factory, world.Token(caller));
            foreach (var (name, call, allowed) in methods)
            {
                string? refusal = null;
                try
                {
                    await call(client.Connection);
                }
                catch (HubException ex)
                {
                    refusal = ex.Message;
                }

                var refused = refusal is not null && (refusal.Contains("\"code\":\"unauthorized\"", StringComparison.Ordinal) ||
                                                      refusal.Contains("\"code\":\"forbidden\"", StringComparison.Ordinal) ||
                                                      refusal.Contains("\"code\":\"ticket-key\"", StringComparison.Ordinal));
                if (refusal is not null && !refused)
                {
                    wrong.Add($"{name} as {caller}: failed otherwise: {refusal}");
                }
                else if (allowed.Contains(caller) == refused)
                {
                    wrong.Add($"{name} as {caller}: " + (refused ? $"refused ({refusal}), but the design allows it" : "let through, but the design refuses it"));
                }
                else if (refused && caller == Anonymous && refusal!.Contains("forbidden", StringComparison.Ordinal))
                {
                    wrong.Add($"{name} as {caller}: refused as forbidden; nobody in particular is unauthorized");
                }
            }
        }

        output.WriteLine($"{methods.Length} methods × {SecurityWorld.All.Count} callers");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task ARefusedCallerLearnsNothingAboutTheHallNotEvenWhetherItExists()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        await using var board = await HubClient.ConnectAsync(factory, world.Token(Board));

        var known = await Assert.ThrowsAsync<HubException>(() => board.Connection.InvokeAsync<object>("WatchHall", world.HallB, null));
        var unknown = await Assert.ThrowsAsync<HubException>(() => board.Connection.InvokeAsync<object>("WatchHall", "no-such-hall", null));

        Assert.Equal(known.Message, unknown.Message);
        Assert.Contains("\"code\":\"forbidden\"", known.Message, StringComparison.Ordinal);
    }
}
