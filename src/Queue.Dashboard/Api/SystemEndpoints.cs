using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>Diagnostics of this process, for the load tests' memory per watcher.</summary>
public static class SystemEndpoints
{
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/system").WithTags("System").RequireHall(Permission.Administer).ProducesAccessRefusals()
            .MapGet("/memory", Memory).ProducesRefusals(400)
            .WithSummary("进程内存（诊断用；gc=true 先做完整垃圾回收）/ This process's memory, for diagnostics (gc=true runs a full collection first)");
        return routes;
    }

    private static Ok<MemoryReading> Memory(string? gc = null)
    {
        if (RequestRules.Flag(gc, "gc"))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        return TypedResults.Ok(new MemoryReading(Environment.WorkingSet, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes));
    }
}
