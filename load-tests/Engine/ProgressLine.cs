using System.Diagnostics;
using System.Globalization;

namespace Queue.LoadTests.Engine;

/// <summary>The live line: phase, time, and per scenario ok / fail / in flight, refreshed until the run ends.</summary>
internal static class ProgressLine
{
    public static async Task ShowAsync(LoadRunOptions options, string phase, TimeSpan duration, IReadOnlyList<ScenarioStats> stats, Task run)
    {
        if (options.Progress is not { } writer)
        {
            await run;
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var maxTicks = (long)((duration + TimeSpan.FromMinutes(10)) / options.ProgressInterval) + 1;
        for (long tick = 0; tick < maxTicks && await Task.WhenAny(run, Task.Delay(options.ProgressInterval)) != run; tick++)
        {
            Write(writer, options, Line(phase, Stopwatch.GetElapsedTime(started), duration, stats));
        }

        Write(writer, options, Line(phase, Stopwatch.GetElapsedTime(started), duration, stats));
        if (options.ProgressInPlace)
        {
            await writer.WriteLineAsync();
        }

        await run;
    }

    private static string Line(string phase, TimeSpan elapsed, TimeSpan duration, IReadOnlyList<ScenarioStats> stats)
    {
        var seconds = Math.Max(Math.Min(elapsed.TotalSeconds, duration.TotalSeconds), 1e-3);
        var parts = stats.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Name} ok {s.Total.OkCount:N0} fail {s.Total.FailCount:N0} {(s.Total.OkCount + s.Total.FailCount) / seconds:N0}/s in-flight {s.InFlight}"));
        return string.Create(CultureInfo.InvariantCulture, $"[{phase} {elapsed.TotalSeconds,5:0.0}s/{duration.TotalSeconds:0}s] ") + string.Join(" | ", parts);
    }

    private static void Write(TextWriter writer, LoadRunOptions options, string line)
    {
        if (options.ProgressInPlace)
        {
            writer.Write("\r" + line.PadRight(Math.Min(200, line.Length + 8)));
        }
        else
        {
            writer.WriteLine(line);
        }

        writer.Flush();
    }
}
