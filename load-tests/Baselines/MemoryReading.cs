namespace Queue.LoadTests.Baselines;

/// <summary>A process's memory after a full collection: managed heap and working set, in bytes.</summary>
public sealed record MemoryReading(long ManagedBytes, long WorkingSetBytes)
{
    public static MemoryReading Now()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemoryReading(GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet);
    }
}
