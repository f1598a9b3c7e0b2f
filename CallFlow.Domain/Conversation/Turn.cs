using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using CallFlow.Domain.Recovery;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// The working set of one turn: the call and what it knows, the caller's reading, and what the turn has decided so
/// far (sentences to say, step events, follow-ups). Every piece of the engine writes here; the engine turns it
/// into a <see cref="TurnResult"/>.
/// </summary>
internal sealed class Turn
{
    private readonly List<string> _said = [];
    private HashSet<string> _completeAtStart;

    public Turn(CallTurn input, IBookingDesk desk)
    {
        Input = input;
        Desk = desk;
        AnsweredStep = input.Call.Context.CurrentStepId;
        _completeAtStart = CompleteSteps();
        if (State.Outcome is { } decided)
        {
            Call.DecidedOutcome ??= decided;
        }
    }

    public CallTurn Input { get; }

    public IBookingDesk Desk { get; }

    public ICallLifecycle Call => Input.Call;

    public BusinessProfile Business => Input.Business;

    public CompiledFlow? Flow => Input.Flow;

    public FlowRules Rules => Flow?.Rules ?? new FlowRules();

    public DateTimeOffset Now => Input.Now;

    public CallContext Context => Call.Context;

    public ConversationState State => Context.Conversation;

    public Dictionary<string, string> Collected => Context.CollectedData;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Business.TimeZone).DateTime);

    /// <summary>The caller's number (E.164 when the carrier gave one); empty when withheld.</summary>
    public string CallerNumber => Context.PhoneNumber;

    /// <summary>The caller ID is a number someone can call back (carriers send "anonymous" or nothing when it is withheld).</summary>
    public bool CanCallBack => CallerNumber.Length > 7 && CallerNumber[0] == '+' && CallerNumber.Skip(1).All(char.IsAsciiDigit);

    public Interpretation? Reading { get; set; }

    /// <summary>The step the caller was answering when the turn began.</summary>
    public string? AnsweredStep { get; }

    /// <summary>This turn moved the call into collecting info (so an InfoIncomplete re-entry would say nothing new).</summary>
    public bool EnteredCollecting { get; set; }

    public List<StepEvent> Events { get; } = [];

    public List<FollowUp> FollowUps { get; } = [];

    /// <summary>Recovery decisions taken this turn that no fired trigger records.</summary>
    public List<RecoveryDecision> Decisions { get; } = [];

    /// <summary>The reply repeats the previous one instead of being a new exchange.</summary>
    public bool Repeated { get; set; }

    /// <summary>What the caller said, for audit details.</summary>
    public string Words => Reading?.Text is { Length: > 0 } text ? text : "(nothing)";

    public void Say(string sentence)
    {
        if (!string.IsNullOrWhiteSpace(sentence))
        {
            _said.Add(sentence.Trim());
        }
    }

    /// <summary>Asks a question and waits; remembers it so a silence can be answered by asking it again (a retry keeps the original).</summary>
    public VoiceReply Ask(string question, IReadOnlyList<string>? hints = null, bool remember = true)
    {
        if (remember)
        {
            State.LastQuestion = question;
        }

        var steps = new List<VoiceStep>();
        if (_said.Count > 0)
        {
            steps.Add(new Say(string.Join(" ", _said)));
        }

        steps.Add(new Ask(question, hints ?? Prompts.Hints(this)));
        return new VoiceReply(steps);
    }

    /// <summary>Says what was gathered plus <paramref name="farewell"/>, and hangs up.</summary>
    public VoiceReply End(string farewell)
    {
        Say(farewell);
        return new VoiceReply([new Say(string.Join(" ", _said)), new HangUp()]);
    }

    public VoiceReply TransferTo(string number, string sentence)
    {
        Say(sentence);
        return new VoiceReply([new Say(string.Join(" ", _said)), new Transfer(number)]);
    }

    public FireResult Fire(CallTrigger trigger, string? detail = null) => Call.Fire(trigger, detail ?? Words);

    /// <summary>Records an outcome to keep when the call ends, now or later.</summary>
    public void Decide(CallOutcome outcome)
    {
        State.Outcome = outcome;
        Call.DecidedOutcome = outcome;
    }

    public void Event(string stepId, StepEventKind kind, StepFailureReason? reason = null, int attempt = 0) =>
        Events.Add(new StepEvent(stepId, kind, reason) { Attempt = attempt });

    /// <summary>Moves the conversation to <paramref name="stepId"/>, entering it when it was not the step being asked.</summary>
    public void Enter(string stepId)
    {
        if (Context.CurrentStepId == stepId)
        {
            return;
        }

        Context.CurrentStepId = stepId;
        Context.RetryCount = 0;
        Event(stepId, StepEventKind.Entered);
        State.StepsEnteredAt[stepId] = Now;
        if (!State.EnteredSteps.Contains(stepId))
        {
            State.EnteredSteps.Add(stepId);
        }
    }

    /// <summary>No step is being asked (an open question).</summary>
    public void LeaveSteps()
    {
        if (Context.CurrentStepId is not null)
        {
            Context.CurrentStepId = null;
            Context.RetryCount = 0;
        }
    }

    /// <summary>Steps completed on an earlier call (a resumed booking) count as done before this turn, not in it.</summary>
    public void Rebase() => _completeAtStart = CompleteSteps();

    public TurnResult Result(VoiceReply reply)
    {
        foreach (var step in CompleteSteps().Except(_completeAtStart))
        {
            Events.Add(new StepEvent(step, StepEventKind.Completed) { Unprompted = !State.EnteredSteps.Contains(step) });
        }

        return new TurnResult(reply with { Speaker = Business.Voice })
        {
            Interpretation = Reading,
            StepId = AnsweredStep,
            StepEvents = [.. Events],
            FollowUps = [.. FollowUps],
            Outcome = State.Outcome,
            Decisions = [.. Decisions],
            Repeated = Repeated,
        };
    }

    private HashSet<string> CompleteSteps() => Flow is null
        ? []
        : [.. Flow.Steps.Where(s => s.Type != StepType.Confirmation && s.Fields.Count > 0 && s.Fields.All(Collected.ContainsKey)).Select(s => s.Id)];
}
