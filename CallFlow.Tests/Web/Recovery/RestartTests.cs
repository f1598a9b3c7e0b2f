using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Calls;
using CallFlow.Web.Telephony;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>
/// Hangfire's storage is in memory and forgets everything on a restart; the database does not. Two app instances on
/// one SQLite file stand for the app before and after a restart.
/// </summary>
public class RestartTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_callback_pending_when_the_app_stops_fires_exactly_once_after_it_starts_again()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("callflow.db");
        var before = Conversations.WednesdayMorning();
        await using (var first = new TelephonyApp(database, before))
        {
            var leg = await first.DialAsync();
            await leg.SpeakAsync("I'd like a haircut on Friday");
            await leg.HangUpAsync(Token);
            (await first.CallbacksAsync()).ShouldHaveSingleItem().Status.ShouldBe(CallbackStatus.Pending);
        }

        var after = new FakeTimeProvider(before.GetUtcNow().AddMinutes(6));
        await using var second = new TelephonyApp(database, after);
        second.With("Jobs:RunServer", "true").With("Jobs:PollingInterval", "00:00:01");
        _ = second.Services;

        var callback = await Eventually.UntilAsync(async () => (await second.CallbacksAsync()).Single(), c => c.Status == CallbackStatus.Answered, attempts: 400);
        callback.Status.ShouldBe(CallbackStatus.Answered, "the restarted app's jobs placed the pending callback");
        var outbound = (await second.OutboundCallsAsync()).ShouldHaveSingleItem();
        var callee = await second.AnsweredCallbackAsync(outbound.CallSid);
        callee.LastPrompt.ShouldEndWith("And what time suits you?");

        await second.RunDueJobsAsync();
        (await second.OutboundCallsAsync()).Count.ShouldBe(1);
        (await second.OutboxAsync(OutboxKind.Call)).Count.ShouldBe(1);
        (callback.Attempts, callback.OutboundCallId).ShouldBe((1, outbound.Id));
    }
}
