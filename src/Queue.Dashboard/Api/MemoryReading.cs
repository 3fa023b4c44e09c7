namespace Queue.Dashboard.Api;

/// <summary>The process's working set, the managed heap in use, and the memory the GC has committed, in bytes.</summary>
public sealed record MemoryReading(long WorkingSetBytes, long GcHeapBytes, long GcTotalCommittedBytes);
