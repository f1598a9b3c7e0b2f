using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CallFlow.Tests.Domain.Calendar;

/// <summary>
/// TimeZoneInfo.Local cannot change inside a process, so these tests rerun <see cref="AvailabilityTableTests"/>
/// in a child process of this same test assembly with TZ set, and require every row to pass there too.
/// The child runs through xunit's in-process console runner (the entry point picks it when no test platform
/// server arguments are given), filtered to that one class.
/// </summary>
public class ServerTimeZoneTests
{
    private const string ChildMarker = "CALLFLOW_TEST_TIME_ZONE_CHILD";

    public static TheoryData<string, int> ServerZones => new() { { "UTC", 0 }, { "Asia/Tokyo", 9 } };

    [Theory]
    [MemberData(nameof(ServerZones))]
    public async Task Availability_is_the_same_on_a_server_whose_own_time_zone_is(string zone, int offsetHours)
    {
        if (Environment.GetEnvironmentVariable(ChildMarker) is not null)
        {
            return; // Already the child: never spawn grandchildren.
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        var table = typeof(AvailabilityTableTests);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { table.Assembly.Location, "-class", table.FullName!, "-noColor", "-noLogo", "-parallelMode", "none" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TZ"] = zone;
        start.Environment[ChildMarker] = "1";
        start.Environment[AvailabilityTableTests.ExpectedLocalOffsetVariable] = offsetHours.ToString(CultureInfo.InvariantCulture);

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = child.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await child.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        var report = await output + await errors;
        var summary = Regex.Match(report, @"Total: (\d+), Errors: (\d+), Failed: (\d+)");
        summary.Success.ShouldBeTrue(report);
        int Count(int group) => int.Parse(summary.Groups[group].Value, CultureInfo.InvariantCulture);
        Count(1).ShouldBe(AvailabilityTableTests.Cases.Count + AvailabilityTableTests.DstZoneNames.Count, report);
        (Count(2) + Count(3)).ShouldBe(0, report);
        child.ExitCode.ShouldBe(0, report);
    }
}
