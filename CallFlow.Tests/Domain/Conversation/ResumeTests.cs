using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;

namespace CallFlow.Tests.Domain.Conversation;

/// <summary>A caller back after a lost call is offered their booking, and continues it at the step where it stopped.</summary>
public class ResumeTests
{
    private static SavedProgress HaircutOnFriday() => new()
    {
        CallId = "lost-call",
        Collected = new(StringComparer.Ordinal) { ["service"] = "Haircut", ["date"] = "2026-03-06" },
        AppointmentData = new AppointmentData { ServiceId = "demo-salon-haircut", Date = new DateOnly(2026, 3, 6) },
        StepId = "time",
        SavedAt = Line.Wednesday10am,
    };

    [Fact]
    public async Task A_caller_who_accepts_continues_at_the_step_they_lost_with_what_they_had_given()
    {
        var line = new Line(answer: false);

        line.Answer(HaircutOnFriday());
        line.Heard.ShouldBe("Welcome back! Would you like to continue booking your haircut for Friday, March 6th?");
        await line.SayAsync("yes please");

        line.Heard.ShouldBe("Great, let's pick up where we left off. And what time suits you?");
        (line.Context.CurrentStepId, line.Context.Recovery.ResumedFromCallId).ShouldBe(("time", "lost-call"));
        line.Context.CollectedData.Keys.ShouldBe(["service", "date"], ignoreOrder: true);
        line.Call.State.ShouldBe(CallState.CollectingInfo);
        line.Events.ShouldNotContain(e => e.Kind == StepEventKind.Completed, "the steps were completed on the lost call");
    }

    [Fact]
    public async Task A_caller_who_answers_with_the_missing_detail_moves_straight_on()
    {
        var line = new Line(answer: false);
        line.Answer(HaircutOnFriday());

        await line.SayAsync("yes, at 3 pm");

        line.Heard.ShouldEndWith("Can I have your name and the best number to reach you?");
        line.Context.CollectedData["time"].ShouldBe("15:00");
    }

    [Fact]
    public async Task A_caller_who_declines_starts_afresh()
    {
        var line = new Line(answer: false);
        line.Answer(HaircutOnFriday());

        await line.SayAsync("no thanks");

        line.Heard.ShouldBe("No problem. How can I help you today?");
        (line.Context.CollectedData.Count, line.Context.Conversation.ResumeOffer).ShouldBe((0, null));
    }

    [Fact]
    public void Nothing_is_offered_without_a_booking_to_continue()
    {
        var line = new Line(answer: false);

        line.Answer(HaircutOnFriday() with { Collected = new(StringComparer.Ordinal) });

        line.Heard.ShouldStartWith("Thanks for calling Demo Salon.");
    }

    [Fact]
    public async Task A_speech_synthesis_failure_repeats_the_last_reply_in_the_fallback_voice_without_a_new_exchange()
    {
        var line = new Line();
        await line.SayAsync("a haircut please");
        line.Context.Recovery.LastReply = line.Last!.Reply;

        var retry = line.Engine.Recover(line.Turn(), "13511");

        (retry.Repeated, retry.Reply.Voice, retry.Reply.Transcript).ShouldBe((true, VoiceChoice.Fallback, "What day would you like to come in?"));
        (line.Context.Recovery.Voice, line.Context.Recovery.VoiceFailures).ShouldBe((VoiceChoice.Fallback, 1));
        retry.Decisions.ShouldHaveSingleItem().ShouldBeOfType<RecoveryDecision.RetryWithVoice>();
        line.Call.State.ShouldBe(CallState.CollectingInfo);
    }
}
