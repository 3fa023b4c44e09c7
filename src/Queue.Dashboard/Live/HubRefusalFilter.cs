using Microsoft.AspNetCore.SignalR;

namespace Queue.Dashboard.Live;

/// <summary>
/// How a hub call that fails is logged. A refusal (the hub's <see cref="HubException"/>: no such window, no right to this
/// hall) is the caller's mistake and is answered to it: logged at debug, one line, no stack trace. Anything else is the
/// server's fault: an error with its stack trace. SignalR's own dispatcher would log both as errors with stack traces
/// (a terminal that asks for a window that is not there asked again every second), so its category is quietened where
/// this filter is added (<see cref="Hosting.QueueWebExtensions.AddQueueApi"/>).
/// </summary>
public sealed partial class HubRefusalFilter(ILogger<HubRefusalFilter> logger) : IHubFilter
{
    /// <summary>The SignalR category whose "Failed to invoke hub method" this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refusal)
        {
            Refused(logger, invocationContext.HubMethodName, refusal.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex, invocationContext.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} refused: {Refusal}")]
    private static partial void Refused(ILogger logger, string method, string refusal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string method);
}
