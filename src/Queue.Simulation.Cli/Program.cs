using System.Globalization;
using Queue.Simulation;

// The demo hall's day under each policy, on the same citizens: dotnet run --project src/Queue.Simulation.Cli -- [scale] [replications] [seed] [date]
// With a date (yyyy-MM-dd) the day follows the demo hall's calendar for that date (periods, lunch service, zones, holidays).
var scale = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
var replications = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
DateOnly? date = args.Length > 3 ? DateOnly.ParseExact(args[3], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

var scenario = DemoDay.Scenario(scale, date, calendar: date is not null);
var tickets = DayTickets.Draw(scenario, seed).Count;
var hours = scenario.ClosesMinute > scenario.OpensMinute
    ? $"{TimeSpan.FromMinutes(scenario.OpensMinute):hh\\:mm}–{TimeSpan.FromMinutes(Math.Min(scenario.ClosesMinute, 1439.99)):hh\\:mm}"
    : "closed";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"demo hall {scenario.Hall.HallId}, {scenario.Date:yyyy-MM-dd} {hours}, {scenario.Hall.Windows.Length} windows, demand ×{scale} (≈{tickets} tickets a day), {replications} replications, seed {seed}"));
Console.WriteLine("dedicated FIFO windows per theme: " + string.Join(", ", DedicatedFifo.WindowsPerTheme(scenario).Select(kv => $"{kv.Key} {kv.Value}")));
var summaries = PolicyComparison.Run(scenario, PolicyComparison.All, replications, seed);
Console.Write(PolicyComparison.Table(summaries));
foreach (var summary in summaries)
{
    Console.WriteLine();
    Console.Write(PolicyComparison.ThemeHourTable(summary));
}

Console.WriteLine();
Console.WriteLine("≤ target: share of tickets called within their theme's target (30 min); idle/served: idle window-minutes while a line the window serves waited; idle/hall: while anyone waited.");
