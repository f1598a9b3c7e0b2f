using System.Globalization;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Recovery;

/// <summary>What the recovery manager decides for each failure, from the situation alone.</summary>
public class RecoveryManagerTests
{
    /// <summary>Wednesday 4 March 2026, 10:00 in New York: the salon is open.</summary>
    private static readonly DateTimeOffset Open = DateTimeOffset.Parse("2026-03-04T15:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>Saturday 7 March 2026, 20:00 in New York: closed until Monday 9:00.</summary>
    private static readonly DateTimeOffset Closed = DateTimeOffset.Parse("2026-03-08T01:00:00Z", CultureInfo.InvariantCulture);

    private const string Caller = "+12125550100";

    private static RecoverySituation Situation(CallState state, DateTimeOffset now, string caller = Caller, RecoveryState? memory = null, BusinessProfile? business = null) => new()
    {
        State = state,
        Business = business ?? Salon.NewYork,
        Now = now,
        CallerNumber = caller,
        Memory = memory ?? new RecoveryState(),
        LastActivity = now.AddSeconds(-61),
    };

    /// <summary>A decision in a few words, so the table reads as the rules do.</summary>
    private static string Summary(RecoveryDecision decision) => decision switch
    {
        RecoveryDecision.CallBack c => string.Create(CultureInfo.InvariantCulture, $"call back at {c.DueAt.UtcDateTime:ddd HH:mm}{(c.TellCaller ? ", telling the caller" : "")}"),
        RecoveryDecision.NotifyOwner => "tell the owner",
        RecoveryDecision.TakeMessage => "take a message",
        RecoveryDecision.TransferToStaff t => $"transfer to {t.Number}",
        RecoveryDecision.RetryWithVoice v => $"repeat with {v.Voice}",
        RecoveryDecision.Reprompt r => $"prompt again {r.Prompt} of {r.Of}",
        RecoveryDecision.EndCall e => $"end with {e.Trigger.ToWireName()}",
        RecoveryDecision.TakeProvisionally => "take provisionally",
        _ => decision.ToString(),
    };

    public static TheoryData<string, FailureType, CallState, bool, string, string> Decisions => new()
    {
        { "a caller cut off mid-booking is called back in five minutes", FailureType.ConnectionLost, CallState.Failed, true, Caller, "call back at Wed 15:05" },
        { "a loss noticed while the caller is still on the line is announced", FailureType.ConnectionLost, CallState.CollectingInfo, true, Caller, "call back at Wed 15:05, telling the caller" },
        { "a caller with a withheld number who is gone: the owner is told", FailureType.ConnectionLost, CallState.Failed, true, "anonymous", "tell the owner" },
        { "a caller with a withheld number still on the line leaves a message", FailureType.ConnectionLost, CallState.CollectingInfo, true, "anonymous", "take a message" },
        { "a failure during opening hours goes to staff", FailureType.Generic, CallState.InConversation, true, Caller, "transfer to +12125550147" },
        { "a failure after hours takes a message", FailureType.Generic, CallState.InConversation, false, Caller, "take a message" },
        { "a failure during a transfer cannot transfer again", FailureType.Generic, CallState.Transferring, true, Caller, "take a message" },
        { "the calendar down: the booking is taken provisionally", FailureType.CalendarUnavailable, CallState.BookingAppointment, true, Caller, "take provisionally" },
        { "a first speech synthesis failure tries the fallback voice", FailureType.VoiceSynthesisFailed, CallState.CollectingInfo, true, Caller, "repeat with Fallback" },
        { "a silent line is prompted again", FailureType.Timeout, CallState.CollectingInfo, true, Caller, "prompt again 1 of 1" },
        { "a call still ringing with no news is closed", FailureType.Timeout, CallState.Ringing, true, Caller, "end with timeout" },
        { "a held call the carrier forgot is ended", FailureType.Timeout, CallState.OnHold, true, Caller, "end with call_ended" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Each_failure_is_decided_from_the_situation(string rule, FailureType failure, CallState state, bool open, string caller, string expected)
    {
        var decision = RecoveryManager.Decide(failure, Situation(state, open ? Open : Closed, caller));

        Summary(decision).ShouldBe(expected, rule);
        decision.Describe().ShouldStartWith($"recovery: {failure.ToWireName()} → ");
    }

    public static TheoryData<VoiceChoice, bool, string> Voices => new()
    {
        { VoiceChoice.Primary, true, "repeat with Fallback" },
        { VoiceChoice.Primary, false, "repeat with CarrierDefault" },
        { VoiceChoice.Fallback, true, "repeat with CarrierDefault" },
        { VoiceChoice.CarrierDefault, true, "call back at Wed 15:05, telling the caller" },
    };

    [Theory]
    [MemberData(nameof(Voices))]
    public void The_voice_only_ever_steps_down_and_a_call_nothing_can_speak_on_is_called_back(VoiceChoice now, bool useFallback, string expected)
    {
        var business = Salon.NewYork with { Recovery = new RecoveryPolicy { UseFallbackVoice = useFallback } };

        var decision = RecoveryManager.Decide(FailureType.VoiceSynthesisFailed,
            Situation(CallState.CollectingInfo, Open, memory: new RecoveryState { Voice = now }, business: business));

        Summary(decision).ShouldBe(expected);
    }

    [Fact]
    public void A_silent_line_prompted_as_often_as_the_policy_allows_is_ended_and_the_machine_decides_failed_or_abandoned()
    {
        var memory = new RecoveryState { TimeoutPrompts = 1 };

        var decision = RecoveryManager.Decide(FailureType.Timeout, Situation(CallState.CollectingInfo, Open, memory: memory));

        decision.ShouldBeOfType<RecoveryDecision.EndCall>().ShouldSatisfyAllConditions(
            end => end.Trigger.ShouldBe(CallTrigger.Timeout),
            end => end.Describe().ShouldBe("recovery: timeout → end the call: no answer after 1 prompt"));
    }

    [Fact]
    public void Callbacks_are_spaced_and_run_out_after_the_policy_s_attempts()
    {
        var situation = Situation(CallState.Failed, Open);

        var due = Enumerable.Range(0, 4).Select(made => RecoveryManager.NextCallbackAt(situation, made)).ToList();

        due.ShouldBe([Open.AddMinutes(5), Open.AddMinutes(10), Open.AddMinutes(10), null]);
    }

    [Fact]
    public void After_hours_a_callback_can_wait_until_the_business_opens()
    {
        var business = Salon.NewYork with { Recovery = new RecoveryPolicy { AfterHours = AfterHoursCallbacks.WaitForOpening } };

        var due = RecoveryManager.NextCallbackAt(Situation(CallState.Failed, Closed, business: business), 0);

        due.ShouldBe(DateTimeOffset.Parse("2026-03-09T13:00:00Z", CultureInfo.InvariantCulture), "Monday 9:00 in New York, after the clocks went forward");
    }

    [Fact]
    public void Provisional_commits_are_tried_at_once_then_with_a_doubling_wait_of_at_most_an_hour()
    {
        var policy = new RecoveryPolicy { CommitRetryDelay = TimeSpan.FromMinutes(10), CommitMaxAttempts = 6 };

        var waits = Enumerable.Range(0, 7).Select(made => RecoveryManager.NextCommitAt(policy, made, Open) - Open).ToList();

        waits.ShouldBe([TimeSpan.Zero, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40), TimeSpan.FromHours(1), TimeSpan.FromHours(1), null]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void A_lost_booking_can_be_resumed_within_the_window(int minutesLater, bool resumable) =>
        RecoveryManager.CanResume(new RecoveryPolicy(), Open, Open.AddMinutes(minutesLater)).ShouldBe(resumable);

    [Theory]
    [InlineData("13511", CallState.InConversation, FailureType.VoiceSynthesisFailed)]
    [InlineData("13520", CallState.CollectingInfo, FailureType.VoiceSynthesisFailed)]
    [InlineData("11200", CallState.CollectingInfo, FailureType.ConnectionLost)]
    [InlineData("11205", CallState.ConfirmingDetails, FailureType.ConnectionLost)]
    [InlineData("11200", CallState.InConversation, FailureType.Generic)]
    [InlineData(null, CallState.Connected, FailureType.Generic)]
    public void The_fallback_url_s_error_code_and_the_state_name_the_failure(string? code, CallState state, FailureType failure) =>
        CarrierErrors.Classify(code, state).ShouldBe(failure);
}
