using System.Text.Json;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Recovery;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>Every job may run twice (enqueued twice, found again after a restart): the second run changes nothing.</summary>
public class JobRunTwiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Jobs => ["callback", "follow-up", "provisional booking", "text", "hold clean-up", "sweeper", "dispatcher"];

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Running_the_same_job_twice_changes_nothing_the_second_time(string job)
    {
        await using var app = new TelephonyApp(clock: Conversations.WednesdayMorning()) { TestServices = FlakyDesk.Register };
        app.With("Carrier:AnswerSimulatedCalls", "false");
        var run = await ArrangeAsync(app, job);
        var before = await SnapshotAsync(app);

        await run();
        var once = await SnapshotAsync(app);
        await run();

        once.ShouldNotBe(before, $"the first run of the {job} does the work");
        (await SnapshotAsync(app)).ShouldBe(once);
    }

    /// <summary>Puts one piece of work in place for the job and returns a run of it.</summary>
    private static async Task<Func<Task>> ArrangeAsync(TelephonyApp app, string job)
    {
        var leg = await app.DialAsync();
        switch (job)
        {
            case "callback":
                await leg.SpeakAsync("I'd like a haircut on Friday");
                await leg.HangUpAsync(Token);
                app.Clock!.Advance(TimeSpan.FromMinutes(5));
                var callback = (await app.CallbacksAsync()).Single().Id;
                return () => app.Service<CallbackJob>().RunAsync(callback, Token);

            case "follow-up":
                // Cut off mid-booking while still connected: the promised callback is a follow-up of the turn.
                await leg.SpeakAsync("a color please");
                await app.Carrier().PostAsync(CallFlow.Web.Telephony.WebhookUrls.Fallback, TelephonyApp.CallForm(leg.CallSid, extra: [("ErrorCode", "11205")]), Token);
                return await FollowUpRunAsync(app);

            case "provisional booking":
                app.Service<FlakyDesk>().Down = true;
                await leg.SpeakAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");
                await leg.SpeakAsync("yes");
                app.Service<FlakyDesk>().Down = false;
                return await FollowUpRunAsync(app);

            case "text":
                await leg.SpeakAsync("a haircut tomorrow at 3, it's Dana Smith, same number I'm calling from");
                await leg.SpeakAsync("yes");
                var text = (await app.TextsAsync()).First(t => t.Kind == TextKind.Confirmation).Id;
                return () => app.Service<MessageJobs>().SendAsync(text, Token);

            case "hold clean-up":
                await leg.SpeakAsync("a haircut tomorrow at 3");
                app.Clock!.Advance(TimeSpan.FromMinutes(6));
                return () => app.Service<HoldCleanupJob>().CleanAsync(Token);

            case "sweeper":
                await leg.SpeakAsync("a haircut please");
                app.Clock!.Advance(TimeSpan.FromSeconds(61));
                return () => app.Service<StaleCallSweeper>().SweepAsync(Token);

            default:
                await leg.SpeakAsync("I'd like a haircut on Friday");
                await leg.HangUpAsync(Token);
                app.Clock!.Advance(TimeSpan.FromMinutes(5));
                return app.RunDueJobsAsync;
        }
    }

    private static async Task<Func<Task>> FollowUpRunAsync(TelephonyApp app)
    {
        await using var db = app.Db();
        var followUp = await db.FollowUps.Select(f => f.Id).SingleAsync(Token);
        return () => app.Service<FollowUpJob>().RunAsync(followUp, Token);
    }

    /// <summary>Everything a recovery job can change, as one comparable string.</summary>
    private static async Task<string> SnapshotAsync(TelephonyApp app)
    {
        await using var db = app.Db();
        var state = new
        {
            Calls = await db.Calls.OrderBy(c => c.Id).Select(c => new { c.CallSid, c.State, c.Version }).ToListAsync(Token),
            Audit = await db.CallTransitions.CountAsync(Token),
            Callbacks = await db.CallbackRequests.OrderBy(r => r.Id).Select(r => new { r.Status, r.Attempts, r.DueAt, r.OutboundCallId }).ToListAsync(Token),
            FollowUps = await db.FollowUps.OrderBy(f => f.Id).Select(f => new { f.Status, f.Attempts, f.DueAt }).ToListAsync(Token),
            Texts = await db.OutgoingTexts.OrderBy(t => t.Id).Select(t => new { t.Status, t.Attempts, t.DueAt }).ToListAsync(Token),
            Outbox = await db.OutboxMessages.CountAsync(Token),
            Appointments = await db.Appointments.OrderBy(a => a.Id).Select(a => new { a.Status, a.Version, a.ConfirmationSid }).ToListAsync(Token),
            Holds = await db.SlotHolds.CountAsync(Token),
        };
        return JsonSerializer.Serialize(state);
    }
}
