using CallFlow.Tests.Infrastructure;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>Job settings that cannot work stop the app at start, naming the key, instead of failing quietly later.</summary>
public class JobsOptionsTests
{
    public static TheoryData<string, string, string> Broken => new()
    {
        { "Jobs:WorkerCount", "0", "Jobs:WorkerCount must be between 1 and 8." },
        { "Jobs:PollingInterval", "00:10:00", "Jobs:PollingInterval must be between 1 second and 1 minute." },
        { "Jobs:DispatchCron", "every now and then", "Jobs:DispatchCron 'every now and then' is not a cron expression Hangfire understands" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_setting_that_cannot_work_stops_the_app_at_start(string key, string value, string message)
    {
        await using var app = new CallFlowApp();
        app.With(key, value);

        var failure = Should.Throw<Exception>(() => app.Services);

        Messages(failure).ShouldContain(m => m.Contains(message, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Messages(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                {
                    yield return inner;
                }
            }
        }
    }
}
