using System.Runtime.CompilerServices;
using Queue.Engine.Hosting;

namespace Queue.Dashboard.Hosting;

/// <summary>
/// The one place where the web host names the engine: a single node co-hosts the silo. Kept out of
/// <see cref="QueueBackendExtensions.AddQueueBackend"/> and never inlined, so that a web node in client role never
/// loads Queue.Engine (its grains, state stores, time-series stores and SQLite are the silos' business).
/// </summary>
internal static class SingleNode
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddEngine(IHostApplicationBuilder builder) => builder.AddQueueSilo();
}
