using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;
using Queue.GrainTests.TimeSeries;

namespace Queue.EndToEndTests.TimeSeries;

/// <summary>The store contract against a real influxd, a fresh database per test.</summary>
public sealed class InfluxTimeSeriesStoreTests(InfluxFixture influx) : TimeSeriesStoreContract, IClassFixture<InfluxFixture>, IAsyncLifetime
{
    private readonly InfluxTimeSeriesStore _store = new(influx.Url, $"contract_{Guid.NewGuid():N}", TimeSpan.FromSeconds(10));

    protected override ITimeSeriesStore Store => _store;

    public Task InitializeAsync() => _store.EnsureCreatedAsync();

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }
}
