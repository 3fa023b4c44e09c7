using System.Net.Http.Json;
using Queue.Contracts;

namespace Queue.LoadTests.Product;

/// <summary>The product's GET /api/system/memory?gc=true: working set, managed heap and GC-committed bytes after a full collection.</summary>
public sealed record ProductMemory(long WorkingSetBytes, long GcHeapBytes, long GcTotalCommittedBytes)
{
    public static async Task<ProductMemory> ReadAsync(HttpClient client, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.GetFromJsonAsync<ProductMemory>("api/system/memory?gc=true", QueueJson.Options, cancellation)
            ?? throw new InvalidOperationException("GET /api/system/memory answered nothing");
    }
}
