using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Metrics;
using static CallFlow.Domain.Conversation.StepEventKind;
using static CallFlow.Domain.Conversation.StepFailureReason;

namespace CallFlow.Tests.Domain.Metrics;

public class FunnelTests
{
    private static readonly FunnelStep[] Steps =
        [new("service", "Service"), new("date", "Date"), new("time", "Time"), new("contact", "Contact info"), new("confirmation", "Read-back")];

    /// <summary>
    /// Thirteen calls: six that never wanted to book, and seven that did — two booked (one gave most details
    /// before being asked), one lost at the date, at the time, at the contact step and at the read-back, and one
    /// handed to staff before any step was asked.
    /// </summary>
    private static FunnelInput Salon() => new(Steps,
        [new(CallOutcome.InquiryAnswered, 3), new(CallOutcome.Abandoned, 2), new(null, 1)],
        [
            Call("booked", CallOutcome.Booked, Asked("service", 2_000), Asked("date", 4_000), Asked("time", 6_000), Asked("contact", 10_000), Asked("confirmation", 3_000)),
            Call("booked-at-once", CallOutcome.Booked, Ahead("service"), Ahead("date"), Ahead("time"), Asked("contact", 8_000), Asked("confirmation", 1_000)),
            Call("lost-at-date", CallOutcome.Transferred, Asked("service", 2_000), T("date", Entered), T("date", Retried, NoMatch, count: 2), T("date", Failed, NoMatch, order: 9)),
            Call("lost-at-time", CallOutcome.Failed, Asked("service", 3_000), Asked("date", 5_000), T("time", Entered),
                T("time", Retried, CalendarConflict), T("time", Failed, CallerHungUp, order: 9)),
            Call("lost-at-read-back", CallOutcome.CallbackScheduled, Ahead("service"), Ahead("date"), Ahead("time"), Ahead("contact"), T("confirmation", Entered)),
            Call("handed-over", CallOutcome.Transferred),
            Call("still-talking", null, Asked("service", 1_000), Asked("date", 1_000), Asked("time", 1_000), T("contact", Entered), T("contact", Retried, Validation)),
        ]);

    public static TheoryData<string, int, int, string> Stages => new()
    {
        { "calls", 13, 6, "inquiry answered 3; abandoned 2; still on the call 1" },
        { "booking_intent", 7, 1, "transferred 1" },
        { "step:service", 6, 0, "" },
        { "step:date", 6, 1, "no match 1" },
        { "step:time", 5, 1, "caller hung up 1" },
        { "step:contact", 4, 1, "still on the call 1" },
        { "step:confirmation", 3, 1, "callback scheduled 1" },
        { "booked", 2, 0, "" },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void Each_call_counts_once_at_the_furthest_stage_it_reached(string stage, int reached, int dropped, string reasons)
    {
        var funnel = Funnel.Compute(Salon());

        var row = funnel.Stage(stage).ShouldNotBeNull();
        (row.Reached, row.Dropped).ShouldBe((reached, dropped));
        string.Join("; ", row.Reasons.Select(r => $"{r.Reason} {r.Count}")).ShouldBe(reasons);
    }

    [Fact]
    public void The_stages_run_calls_intent_steps_in_flow_order_booked_and_the_drops_add_up()
    {
        var funnel = Funnel.Compute(Salon());

        funnel.Stages.Select(s => s.Name).ShouldBe(["Calls", "Wanted to book", "Service", "Date", "Time", "Contact info", "Read-back", "Booked"]);
        (funnel.Stages.Sum(s => s.Dropped) + funnel.Booked).ShouldBe(funnel.Calls);
        funnel.BookingRate.ShouldBe(2.0 / 13);
    }

    [Fact]
    public void Conversion_is_against_the_stage_before_and_share_against_all_calls()
    {
        var funnel = Funnel.Compute(Salon());

        funnel.Stages.Select(s => s.Conversion).ShouldBe([null, 7.0 / 13, 6.0 / 7, 1.0, 5.0 / 6, 4.0 / 5, 3.0 / 4, 2.0 / 3]);
        funnel.Stage("step:time")!.ShareOfCalls.ShouldBe(5.0 / 13);
        funnel.Stage("step:time")!.DropOffRate.ShouldBe(1.0 / 5);
    }

    public static TheoryData<string, StepFigures> StepEvents => new()
    {
        // Entered, completed, unprompted, failed, retries, average seconds from being asked to completing.
        { "service", new StepFigures(4, 6, 2, 0, 0, 2.0) },
        { "date", new StepFigures(4, 5, 2, 1, 2, 3.3) },
        { "time", new StepFigures(3, 4, 2, 1, 1, 3.5) },
        { "contact", new StepFigures(3, 3, 1, 0, 1, 9.0) },
        { "confirmation", new StepFigures(3, 2, 0, 0, 0, 2.0) },
    };

    [Theory]
    [MemberData(nameof(StepEvents))]
    public void A_step_counts_the_calls_asked_completing_and_failing_it_its_retries_and_time_to_complete(string step, StepFigures expected)
    {
        Funnel.Compute(Salon()).Stage(Funnel.StepKey(step))!.Step.ShouldBe(expected);
    }

    [Fact]
    public void A_call_explained_by_several_failures_at_its_step_gives_the_last()
    {
        var input = new FunnelInput(Steps, [], [Call("twice", CallOutcome.Failed, T("date", Failed, Transferred, order: 5), T("date", Failed, CallerHungUp, order: 7))]);

        Funnel.Compute(input).Stage("step:date")!.Reasons.ShouldBe([new ReasonCount("caller hung up", 1)]);
    }

    [Fact]
    public void Events_of_steps_the_flow_does_not_have_are_left_out()
    {
        var input = new FunnelInput(Steps, [], [Call("old-step", CallOutcome.Abandoned, Asked("service", 1_000), T("notes", Entered))]);

        var funnel = Funnel.Compute(input);

        funnel.Stage("step:service")!.Dropped.ShouldBe(1);
        funnel.Stage("step:notes").ShouldBeNull();
    }

    [Fact]
    public void Without_calls_every_stage_is_zero_and_no_rate_is_invented()
    {
        var funnel = Funnel.Compute(new FunnelInput(Steps, [], []));

        funnel.Stages.ShouldAllBe(s => s.Reached == 0 && s.Dropped == 0 && s.Conversion == null && s.ShareOfCalls == null && s.DropOffRate == null);
        funnel.BookingRate.ShouldBeNull();
    }

    [Fact]
    public void Steps_of_several_versions_merge_in_the_newest_order_with_older_steps_after_the_step_they_followed()
    {
        IReadOnlyList<FunnelStep> newest = [new("service", "Service"), new("date", "Day"), new("contact", "Contact"), new("confirmation", "Read-back")];
        IReadOnlyList<FunnelStep> older = [new("service", "Service"), new("date", "Date"), new("time", "Time"), new("contact", "Contact"), new("confirmation", "Read-back")];

        Funnel.MergeSteps([newest, older]).ShouldBe([new("service", "Service"), new("date", "Day"), new("time", "Time"), new("contact", "Contact"), new("confirmation", "Read-back")]);
    }

    [Fact]
    public void Two_versions_compare_stage_by_stage_in_points_of_their_own_calls()
    {
        var a = Funnel.Compute(Salon());
        var b = Funnel.Compute(new FunnelInput([new("service", "Service"), new("slot", "Slot"), new("confirmation", "Read-back")],
            [new(CallOutcome.InquiryAnswered, 2)],
            [Call("b-booked", CallOutcome.Booked), Call("b-lost", CallOutcome.Abandoned, Asked("service", 1_000), T("slot", Entered))]));

        var rows = Funnel.Compare(a, b);

        rows.Select(r => r.Key).ShouldBe(["calls", "booking_intent", "step:service", "step:slot", "step:date", "step:time", "step:contact", "step:confirmation", "booked"]);
        rows.Single(r => r.Key == "step:slot").ShouldSatisfyAllConditions(r => r.A.ShouldBeNull(), r => r.B!.Reached.ShouldBe(2));
        rows.Single(r => r.Key == "booked").SharePointsDifference.ShouldBe(9.6); // 1 of 4 calls against 2 of 13: 25.0% − 15.4%
    }

    private static FunnelCall Call(string id, CallOutcome? outcome, params StepTally[][] events) => new(id, outcome, [.. events.SelectMany(e => e)]);

    /// <summary>Asked, then answered after <paramref name="ms"/> milliseconds.</summary>
    private static StepTally[] Asked(string step, double ms) => [new(step, Entered, 1), new(step, Completed, 1) { DurationMs = ms, Durations = 1 }];

    /// <summary>Answered before it was asked.</summary>
    private static StepTally[] Ahead(string step) => [new(step, Completed, 1) { Unprompted = true }];

    private static StepTally[] T(string step, StepEventKind kind, StepFailureReason? reason = null, int count = 1, long order = 1) =>
        [new(step, kind, count) { Reason = reason, LastOrder = order }];
}
