using System.Globalization;
using CallFlow.Tests.EndToEnd.Infrastructure;
using CallFlow.Tests.EndToEnd.Pages;
using CallFlow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CallFlow.Tests.EndToEnd;

/// <summary>Whole bookings by test call from the browser, and an owner's flow change heard on the next call.</summary>
public sealed class TestCallConsoleTests(ChromiumFixture chromium) : ConsoleTest(chromium)
{
    private const string Caller = TestCallPage.DefaultCaller;

    /// <summary>A day the demo salon is open, two or more days ahead in New York, as a caller says it ("March 10th").</summary>
    private static string OpenDayAhead()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(2);
        while (day.DayOfWeek == DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var suffix = day.Day is 1 or 21 or 31 ? "st" : day.Day is 2 or 22 ? "nd" : day.Day is 3 or 23 ? "rd" : "th";
        return day.ToString("MMMM ", CultureInfo.InvariantCulture) + day.Day.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    [Fact]
    public async Task A_booking_typed_on_the_test_call_page_shows_on_live_calls_as_it_goes_and_then_in_appointments()
    {
        await SignIn.SignInAsync(Server.DemoFrontDesk());
        var board = await new LiveCallsPage(await Page.Context.NewPageAsync()).OpenAsync();
        var call = await new TestCallPage(Page).OpenAsync();

        await call.DialAsync();

        await Expect(call.LastReply).ToContainTextAsync("How can I help you today?");
        await Expect(board.StateOf(Caller)).ToHaveAttributeAsync("data-state", "connected");

        await call.SayAsync($"I'd like a haircut on {OpenDayAhead()} at 3 PM, it's Dana Smith, same number I'm calling from");

        await Expect(call.LastReply).ToContainTextAsync("Shall I book that for you?");
        await Expect(call.State).ToHaveAttributeAsync("data-state", "confirming_details");
        await Expect(board.StateOf(Caller)).ToHaveAttributeAsync("data-state", "confirming_details");
        await Expect(board.Row(Caller)).ToContainTextAsync("customerName: Dana Smith");
        await call.ScreenshotAsync("test-call");
        await board.ScreenshotAsync("live-calls-test-call");

        await call.SayAsync("yes");

        await Expect(call.LastReply).ToContainTextAsync("You're all set!");
        await Expect(call.State).ToHaveAttributeAsync("data-state", "completed");
        await Expect(board.Row(Caller)).ToHaveCountAsync(0);
        var appointments = await new AppointmentsPage(board.Page).OpenListAsync();
        await Expect(appointments.List).ToContainTextAsync("Dana Smith");
        await Expect(appointments.List).ToContainTextAsync("Haircut");
        await Expect(appointments.List).ToContainTextAsync(Caller);
        await appointments.ScreenshotAsync("appointments-after-test-call");
    }

    [Fact]
    public async Task An_owner_fixes_a_broken_pattern_publishes_a_new_prompt_and_the_next_test_call_hears_it()
    {
        await SignIn.SignInAsync(Server.DemoOwner());
        var flows = await new FlowsPage(Page).OpenAsync();

        await flows.OpenStepAsync("date");
        await flows.TypeAsync("step-prompt", "Which day suits you best?");
        await flows.OpenStepAsync("contact");
        await flows.TypeAsync("step-validation-pattern", "^(+1");

        await Expect(flows.ErrorUnder("step-validation-pattern")).ToContainTextAsync("does not compile");
        await Expect(flows.StepItem("contact")).ToHaveAttributeAsync("data-problems", "1");
        await flows.PublishAsync();
        await Expect(flows.Refusal).ToContainTextAsync("does not compile");
        await flows.ScreenshotAsync("flows-editor-refused");

        await flows.TypeAsync("step-validation-pattern", @"^\+[1-9]\d{6,14}$");

        await Expect(flows.ErrorUnder("step-validation-pattern")).ToHaveCountAsync(0);
        await flows.PublishAsync();
        await Expect(flows.Status).ToContainTextAsync("Live: v2");
        await Expect(flows.PublishButton).ToBeEnabledAsync();
        await flows.ScreenshotAsync("flows-editor");

        await flows.OpenHistoryAsync();
        await Expect(flows.DiffSteps).ToHaveCountAsync(1);
        await Expect(flows.DiffSteps.First).ToContainTextAsync("Which day suits you best?");
        await flows.ScreenshotAsync("flows-history");

        var call = await new TestCallPage(Page).OpenAsync();
        await call.DialAsync();
        await call.SayAsync("a haircut please");

        await Expect(call.LastReply).ToHaveTextAsync("Which day suits you best?");
    }
}
