using CallFlow.Tests.EndToEnd.Infrastructure;
using CallFlow.Tests.EndToEnd.Pages;
using CallFlow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CallFlow.Tests.EndToEnd;

/// <summary>The demo front desk in a real Chromium against the app on Kestrel, with calls from the carrier simulator.</summary>
public sealed class FrontDeskConsoleTests(ChromiumFixture chromium) : ConsoleTest(chromium)
{
    private const string Caller = "+16465550142";

    [Fact]
    public async Task The_demo_front_desk_signs_in_and_sees_live_calls()
    {
        var live = await SignIn.SignInAsync(Server.DemoFrontDesk());

        await Expect(live.Title).ToHaveTextAsync("Live calls");
        await Expect(live.SignedInUser).ToHaveTextAsync("Sam Lee");
        await Expect(live.Empty).ToContainTextAsync("No calls right now");
    }

    [Fact]
    public async Task A_call_from_the_carrier_simulator_appears_on_live_calls_without_a_reload_and_changes_state()
    {
        var live = await SignIn.SignInAsync(Server.DemoFrontDesk());
        await Expect(live.Empty).ToBeVisibleAsync();

        var leg = await Server.DialAsync(Caller);

        await Expect(live.StateOf(Caller)).ToHaveAttributeAsync("data-state", "connected");
        await Expect(live.ActiveCount).ToHaveTextAsync("1 active");

        await leg.SayAsync("I'd like a haircut", cancellationToken: TestContext.Current.CancellationToken);

        await Expect(live.StateOf(Caller)).ToHaveAttributeAsync("data-state", "collecting_info");
        await Expect(live.Row(Caller)).ToContainTextAsync("service: Haircut");
        await live.ScreenshotAsync("live-calls");
    }

    [Fact]
    public async Task Front_desk_holds_and_resumes_a_call_with_the_buttons_and_the_audit_timeline_follows()
    {
        var live = await SignIn.SignInAsync(Server.DemoFrontDesk());
        var leg = await Server.DialAsync(Caller);
        await leg.SayAsync("I'd like a haircut", cancellationToken: TestContext.Current.CancellationToken);
        var detail = await live.OpenCallAsync(Caller);
        await Expect(detail.State).ToHaveAttributeAsync("data-state", "collecting_info");
        var before = await detail.Timeline.CountAsync();

        await detail.HoldAsync();

        await Expect(detail.State).ToHaveAttributeAsync("data-state", "on_hold");
        await Expect(detail.Timeline).ToHaveCountAsync(before + 1);
        await Expect(detail.Timeline.Last).ToContainTextAsync("on hold");
        await Expect(detail.Timeline.Last).ToContainTextAsync("Sam Lee");
        await Expect(detail.HoldButton).ToHaveCountAsync(0);
        (await Eventually.UntilAsync(() => leg.IsOnHold, held => held)).ShouldBeTrue("the simulated line is in the hold queue");

        await detail.ResumeAsync();

        await Expect(detail.State).ToHaveAttributeAsync("data-state", "collecting_info");
        await Expect(detail.Timeline).ToHaveCountAsync(before + 2);
        await Expect(detail.Timeline.Last).ToContainTextAsync("resume");
        await Expect(detail.ResumeButton).ToHaveCountAsync(0);
        (await Eventually.UntilAsync(() => leg.IsListening, listening => listening)).ShouldBeTrue("the assistant asks again after the hold");

        await detail.AddNoteAsync("Wants Maria, if she is free.");
        await Expect(detail.Notes).ToContainTextAsync("Wants Maria, if she is free.");
        await detail.ScreenshotAsync("call-detail");

        var outbox = await OutboxPage.FromMenuAsync(detail.Page);
        await Expect(outbox.RowsOf("redirect")).ToHaveCountAsync(2);
        await Expect(outbox.RowsOf("redirect").First).ToContainTextAsync("/twilio/voice/turn");
        await Expect(outbox.RowsOf("redirect").Last).ToContainTextAsync("Enqueue");
        await outbox.ScreenshotAsync("outbox");
    }

    [Fact]
    public async Task Front_desk_schedules_a_callback_for_a_caller_who_hung_up()
    {
        var call = await Server.StartAsync(from: Caller);
        await Server.FireAsync(call, CallFlow.Domain.Calls.CallTrigger.CallEnded);
        await SignIn.SignInAsync(Server.DemoFrontDesk());
        var detail = await new CallDetailPage(Page).OpenAsync(call.Id);

        await detail.OpenCallbackFormAsync();
        await detail.ScreenshotAsync("call-detail-callback-form");
        await detail.ScheduleCallbackAsync();

        await Expect(detail.Callbacks).ToContainTextAsync(Caller);
        await Expect(detail.Callbacks).ToContainTextAsync("pending");
        await Expect(detail.Callbacks).ToContainTextAsync("Sam Lee");
    }
}
