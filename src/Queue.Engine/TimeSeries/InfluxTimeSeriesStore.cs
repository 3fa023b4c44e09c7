using System.Globalization;
using System.Text;
using Queue.Contracts.Events;
using Queue.Domain.Analytics;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// InfluxDB over the v1 HTTP API, which InfluxDB 1.x, 2.x (v1 compatibility) and 3.x serve: points as line protocol
/// (<see cref="InfluxPoints"/>, idempotent by their timestamp) POSTed to <c>/write?precision=ns</c>, which answers 204
/// only once the whole batch is in the WAL; reads in InfluxQL from <c>/query?epoch=ms</c>. The database is created by
/// <see cref="EnsureCreatedAsync"/> (<c>CREATE DATABASE</c> is idempotent).
/// </summary>
public sealed class InfluxTimeSeriesStore : ITimeSeriesStore, IDisposable
{
    private const string Bucket = "GROUP BY time(15m), theme, \"window\" fill(none)";
    private readonly HttpClient _http;
    private readonly string _database;

    public InfluxTimeSeriesStore(Uri url, string database, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        _database = database;
        _http = new HttpClient { BaseAddress = url, Timeout = timeout };
    }

    public string Name => $"influx:{_database}";

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent([new("q", $"CREATE DATABASE {Identifier(_database)}")]);
        using var response = await _http.PostAsync(new Uri("query", UriKind.Relative), content, cancellationToken);
        InfluxResult.Parse(await Answer(response, cancellationToken));
    }

    public async Task WriteAsync(IReadOnlyList<HallEvent> events, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var body = string.Join('\n', events.Select(e => InfluxPoints.ToLineProtocol(e, source)));
        using var content = new StringContent(body, Encoding.UTF8, "text/plain");
        using var response = await _http.PostAsync(new Uri($"write?db={Uri.EscapeDataString(_database)}&precision=ns", UriKind.Relative), content, cancellationToken);
        await Answer(response, cancellationToken);
    }

    public async Task<IReadOnlyList<TimeBucket>> ReadBucketsAsync(string hallId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var where = Where(hallId, from, to);
        var results = await Query(
            $"""
            SELECT count(seq) FROM ticket_issued {where} GROUP BY time(15m), theme fill(none);
            SELECT count(wait_s), sum(wait_s), max(wait_s), sum(on_time) FROM ticket_called {where} {Bucket};
            SELECT count(service_s), sum(service_s), sum(done) FROM service_completed {where} {Bucket};
            SELECT count(level), sum(level), sum(satisfied) FROM rating {where} {Bucket}
            """, cancellationToken);
        var buckets = new Dictionary<(string, int, long), TimeBucket>();
        void Add(IReadOnlyList<InfluxResult> series, Func<string, int, DateTimeOffset, double[], TimeBucket> make)
        {
            foreach (var s in series)
            {
                var window = int.TryParse(s.Tag("window"), CultureInfo.InvariantCulture, out var w) ? w : 0;
                foreach (var row in s.Rows)
                {
                    var start = DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64());
                    var bucket = make(s.Tag("theme"), window, start, [.. row.Skip(1).Select(InfluxResult.Number)]);
                    var key = (bucket.Theme, bucket.WindowNo, start.ToUnixTimeMilliseconds());
                    buckets[key] = buckets.TryGetValue(key, out var existing) ? existing.Add(bucket) : bucket;
                }
            }
        }

        Add(results[0], (theme, window, start, v) => new TimeBucket(theme, window, start, Issued: (long)v[0]));
        Add(results[1], (theme, window, start, v) => new TimeBucket(
            theme, window, start, Called: (long)v[0], WaitSumSeconds: v[1], WaitMaxSeconds: v[2], CalledOnTime: (long)v[3]));
        Add(results[2], (theme, window, start, v) => new TimeBucket(theme, window, start, Completed: (long)v[0], ServiceSumSeconds: v[1], Done: (long)v[2]));
        Add(results[3], (theme, window, start, v) => new TimeBucket(theme, window, start, Rated: (long)v[0], RatingSum: (long)v[1], Satisfied: (long)v[2]));
        return [.. buckets.Values.OrderBy(b => b.Start).ThenBy(b => b.Theme, StringComparer.Ordinal).ThenBy(b => b.WindowNo)];
    }

    public async Task<IReadOnlyList<ServiceSample>> ReadServiceSamplesAsync(
        string hallId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var results = await Query($"SELECT service_s FROM service_completed {Where(hallId, from, to)} GROUP BY theme", cancellationToken);
        return [.. results[0]
            .SelectMany(s => s.Rows.Select(row => (Theme: s.Tag("theme"), At: row[0].GetInt64(), Seconds: InfluxResult.Number(row[1]))))
            .OrderBy(r => r.At)
            .Select(r => ServiceSamples.At(r.Theme, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Seconds, zone))];
    }

    public async Task<IReadOnlyList<long>> ReadSequencesAsync(string hallId, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default)
    {
        var results = await Query(
            $"SELECT seq FROM {string.Join(", ", EventMetrics.Measurements)} WHERE hall = {Literal(hallId)} AND source = {Literal(source)}", cancellationToken);
        return [.. results[0].SelectMany(s => s.Rows.Select(row => row[1].GetInt64())).Order()];
    }

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<IReadOnlyList<InfluxResult>>> Query(string influxQl, CancellationToken cancellationToken)
    {
        var uri = new Uri($"query?db={Uri.EscapeDataString(_database)}&epoch=ms&q={Uri.EscapeDataString(influxQl)}", UriKind.Relative);
        using var response = await _http.GetAsync(uri, cancellationToken);
        return InfluxResult.Parse(await Answer(response, cancellationToken));
    }

    private static async Task<string> Answer(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"InfluxDB answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }

        return body;
    }

    private static string Where(string hallId, DateTimeOffset from, DateTimeOffset to) =>
        $"WHERE hall = {Literal(hallId)} AND time >= {from.ToUnixTimeMilliseconds()}ms AND time < {to.ToUnixTimeMilliseconds()}ms";

    private static string Literal(string value) => $"'{value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal)}'";

    private static string Identifier(string value) => $"\"{value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
