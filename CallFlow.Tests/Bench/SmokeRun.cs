using CallFlow.Bench;

namespace CallFlow.Tests.Bench;

/// <summary>
/// One smoke run of the harness (<see cref="BenchOptions.Smoke"/>: 20 calls, 5 at a time, against its own app in this
/// process on a temporary SQLite file), shared by the facts that read its report.
/// </summary>
public sealed class SmokeRun : IAsyncLifetime
{
    public BenchReport Report { get; private set; } = default!;

    /// <summary>The report as the command prints it.</summary>
    public string Printed { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Report = await BenchRun.RunAsync(BenchOptions.Smoke, TextWriter.Null, TestContext.Current.CancellationToken);
        using var printed = new StringWriter();
        ReportPrinter.Print(Report, printed);
        Printed = printed.ToString();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
