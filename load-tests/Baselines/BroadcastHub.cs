using Microsoft.AspNetCore.SignalR;

namespace Queue.LoadTests.Baselines;

/// <summary>The bare hub: clients join a group, and that is all it does. Broadcasts come from POST /broadcast.</summary>
public sealed class BroadcastHub : Hub<IBroadcastClient>
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
}
