using System.Globalization;
using Queue.LoadTests.Baselines;
using Queue.LoadTests.Cli;

// dotnet run -c Release --project load-tests [-- --suite standard|smoke] [--url http://127.0.0.1:5080 --password …] [--out results/<timestamp>] …
if (args is [BaselineProcess.Command, var port])
{
    return await BaselineProcess.ServeAsync(int.Parse(port, CultureInfo.InvariantCulture));
}

CliOptions options;
try
{
    options = CliOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("Usage: [--suite standard|smoke] [--url http://127.0.0.1:5080 (default: start the product) [--user admin] [--password P (or env QUEUE_ADMIN_PASSWORD)]] [--out DIR] "
        + "[--hall-count N | --halls binjiang,...] [--scenarios kiosk-surge,window-staff,watchers,watchers-fanout,watchers-20k,issue-deep-line,province-morning,soak | all] "
        + "[--baselines child|inprocess] [--watchers N] [--big-watchers N] [--deep-line N] [--soak-minutes M] [--soak-rate N] [--soak-close-every S] [--no-progress]");
    return 1;
}

using var abort = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    abort.Cancel();
};
return await new SuiteRunner(options, Console.Out).RunAsync(abort.Token);
