namespace CallFlow.Bench;

/// <summary><c>dotnet run -c Release --project bench/CallFlow.Bench -- --calls 2000 --concurrency 200 [--json out.json]</c></summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var report = await BenchRun.RunAsync(options, Console.Out, stop.Token);
        ReportPrinter.Print(report, Console.Out);
        if (options.Json is { } path)
        {
            await File.WriteAllTextAsync(path, report.ToJson(), stop.Token);
            Console.WriteLine($"  JSON report: {Path.GetFullPath(path)}");
        }

        // Slow is reported; wrong (errors, double bookings, gaps in the audit trail) fails the command.
        return report.Correct ? 0 : 1;
    }
}
