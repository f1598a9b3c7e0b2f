using System.Diagnostics;
using CallFlow.Domain.Booking;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;
using CallFlow.Domain.Understanding;
using CallFlow.Web.Calls;
using CallFlow.Web.Recovery;

namespace CallFlow.Web.Conversation;

/// <summary>
/// The phone line's receptionist: every carrier webhook becomes one unit of work on the call through
/// <see cref="CallOrchestrator"/> (one writer per call), in which the conversation engine decides with the flow
/// version the call started on, and the exchange, its step events and follow-ups are saved with the state change in
/// one transaction. The booking desk is resolved per turn, so it may be registered with any lifetime. Recovery rides
/// along (<see cref="CallRecovery"/>): a caller back after a lost call is offered to continue, every reply is spoken in
/// the voice the call is down to, and the carrier's fallback requests are decided by the recovery manager.
/// </summary>
public sealed class Receptionist(
    CallOrchestrator calls,
    FlowStore flows,
    IInterpreter interpreter,
    IServiceScopeFactory scopes,
    CallRecovery recovery,
    ILogger<Receptionist> logger) : IReceptionist
{
    public const string NotInService = "We're sorry, the number you have called is not in service. Goodbye.";
    public const string UnknownCall = "We're sorry, we could not find your call. Please call again. Goodbye.";
    public const string AlreadyEnded = "This call has already ended. Goodbye.";
    public const string TechnicalDifficulties = "We're sorry, we're having technical difficulties. Please call again in a few minutes. Goodbye.";

    private delegate Task<TurnResult> Decide(ConversationEngine engine, CallTurn turn, CallSession session, CancellationToken cancellationToken);

    public async Task<VoiceReply> AnswerAsync(InboundCall call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();

        // A new call is created, answered and greeted in one unit of work.
        var (start, greeting) = await calls.StartInboundAsync(call, session => GreetAsync(session, call, started, cancellationToken), cancellationToken);
        if (start.UnknownNumber)
        {
            logger.LogWarning("Call {CallSid} from {From} to {To}: number not in service", call.CallSid, call.From, call.To);
            return VoiceReply.Goodbye(NotInService);
        }

        if (greeting is not null)
        {
            return greeting;
        }

        if (start.Call!.State.IsTerminal())
        {
            return VoiceReply.Goodbye(AlreadyEnded) with { Speaker = start.Business!.ToProfile().Voice };
        }

        // A repeated webhook for the same call is greeted again, but the greeting is stored once.
        return await RunAsync(call.CallSid, null, started, record: false, asCaller: false,
            (engine, turn, _, _) => Task.FromResult(engine.Answer(turn, resumable: null)), cancellationToken)
            ?? NoSuchCall(call.CallSid);
    }

    /// <summary>The greeting of a call just created: on the flow version a test call asked for, or offering to resume a lost booking.</summary>
    private async Task<VoiceReply> GreetAsync(CallSession session, InboundCall call, long started, CancellationToken cancellationToken)
    {
        // A test call may ask for a version (a draft); only one of the called business's own is honoured.
        long? pin = null;
        if (call.FlowVersionId is { } requested)
        {
            pin = (await flows.VersionOfAsync(session.Business.Id, requested, cancellationToken))?.VersionId;
            if (pin is null)
            {
                logger.LogWarning("Call {CallSid}: flow version {Version} is not {BusinessId}'s; running the published flow", call.CallSid, requested, session.Business.Id);
            }
        }

        // A test call pinned to a version is about that version, not about an earlier lost booking.
        var resumable = pin is null ? await recovery.FindResumableAsync(session, cancellationToken) : null;
        return await TakeTurnAsync(session, null, started, record: true, asCaller: false,
            (engine, turn, _, _) => Task.FromResult(engine.Answer(turn, resumable)), pin, cancellationToken);
    }

    public async Task<VoiceReply> ConnectOutboundAsync(string callSid, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        return await RunAsync(callSid, null, started, record: true, asCaller: false, async (engine, turn, session, _) =>
        {
            if (session.State == CallState.Idle)
            {
                session.Fire(CallTrigger.DialOut, "callee answered");
            }

            if (session.State == CallState.Ringing)
            {
                session.Fire(CallTrigger.CallAnswered, "callee answered");
            }

            if (!session.State.IsLive())
            {
                return new TurnResult(VoiceReply.Goodbye(AlreadyEnded) with { Speaker = turn.Business.Voice });
            }

            await recovery.CallbackAnsweredAsync(session, cancellationToken);
            return engine.AnswerCallback(turn);
        }, cancellationToken) ?? NoSuchCall(callSid);
    }

    public async Task<VoiceReply> ReplyAsync(string callSid, CallerInput input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var utterance = new Utterance(input.Speech, input.Digits, input.Confidence);
        return await RunAsync(callSid, input, started, record: true, asCaller: true,
            (engine, turn, _, token) => engine.ReplyAsync(turn, utterance, token), cancellationToken) ?? NoSuchCall(callSid);
    }

    public async Task<VoiceReply> TransferEndedAsync(string callSid, string dialStatus, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answered = dialStatus is "completed" or "answered";
        return await RunAsync(callSid, null, started, record: true, asCaller: false,
            (engine, turn, _, _) => Task.FromResult(engine.TransferEnded(turn, answered, $"dial {dialStatus}")), cancellationToken) ?? NoSuchCall(callSid);
    }

    public async Task<VoiceReply> RecoverAsync(string callSid, string? errorCode, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await RunAsync(callSid, null, started, record: true, asCaller: false,
            (engine, turn, session, _) =>
            {
                if (!session.State.IsLive())
                {
                    logger.LogWarning("Call {CallSid}: carrier fallback (error {ErrorCode}) in {State}", callSid, errorCode, session.State);
                }

                return Task.FromResult(engine.Recover(turn, errorCode));
            }, cancellationToken);
        return reply ?? VoiceReply.Goodbye(TechnicalDifficulties);
    }

    private async Task<VoiceReply?> RunAsync(
        string callSid, CallerInput? input, long started, bool record, bool asCaller, Decide decide, CancellationToken cancellationToken)
    {
        var done = await calls.ExecuteAsync(callSid, Actor.Carrier,
            session => TakeTurnAsync(session, input, started, record, asCaller, decide, pinVersion: null, cancellationToken), cancellationToken);
        return done?.Result;
    }

    /// <summary>One turn inside a call's unit of work: the engine decides on the call's flow version, and the exchange is recorded with it.</summary>
    private async Task<VoiceReply> TakeTurnAsync(
        CallSession session, CallerInput? input, long started, bool record, bool asCaller, Decide decide, long? pinVersion, CancellationToken cancellationToken)
    {
        var wasLive = session.State.IsLive() || session.State is CallState.Idle or CallState.Ringing;
        Fill(session);
        session.Context.Conversation.FlowVersionId ??= pinVersion;
        var flow = await flows.ForCallAsync(session.Business, session.Context.Conversation.FlowVersionId, cancellationToken);
        session.Context.Conversation.FlowVersionId ??= flow.VersionId ?? StoredFlow.BuiltInVersionId;

        await using var scope = scopes.CreateAsyncScope();
        var engine = new ConversationEngine(interpreter, scope.ServiceProvider.GetRequiredService<IBookingDesk>());
        ICallLifecycle lifecycle = asCaller ? new CallerTurn(session, Actor.Caller(session.Context.PhoneNumber)) : session;
        var result = await decide(engine, new CallTurn(lifecycle, session.Business.ToProfile(), flow.Compiled, session.Now), session, cancellationToken);
        if (record && wasLive && !result.Repeated && (input is not null || result.Reply.Transcript.Length > 0))
        {
            TurnRecorder.Record(session, input, result, flow, Stopwatch.GetElapsedTime(started));
        }

        return recovery.Finish(session, result, callerSpoke: input is { IsEmpty: false });
    }

    /// <summary>Fills what a call created elsewhere (a callback placed by a job) may lack: ids and the other party's number.</summary>
    private static void Fill(CallSession session)
    {
        var context = session.Context;
        var call = session.Call;
        if (context.CallId.Length == 0)
        {
            context.CallId = call.Id;
        }

        if (context.BusinessId.Length == 0)
        {
            context.BusinessId = call.BusinessId;
        }

        if (context.PhoneNumber.Length == 0)
        {
            context.PhoneNumber = call.Direction == CallDirection.Outbound ? call.To : call.From;
        }
    }

    private VoiceReply NoSuchCall(string callSid)
    {
        logger.LogWarning("Call {CallSid}: no such call", callSid);
        return VoiceReply.Goodbye(UnknownCall);
    }

    /// <summary>The call as the engine drives it during a caller's turn: what it fires is recorded as the caller's doing.</summary>
    private sealed class CallerTurn(CallSession session, Actor caller) : ICallLifecycle
    {
        public CallState State => session.State;

        public CallContext Context => session.Context;

        public CallOutcome? DecidedOutcome
        {
            get => session.DecidedOutcome;
            set => session.DecidedOutcome = value;
        }

        public FireResult Fire(CallTrigger trigger, string? detail = null) => session.Fire(trigger, detail, caller);

        public FireResult IdentifyIntent(Intent intent, string? detail = null) => session.IdentifyIntent(intent, detail, caller);

        public FireResult ReachRetryLimit(Fallback fallback, string? detail = null) => session.ReachRetryLimit(fallback, detail, caller);

        public bool CanFire(CallTrigger trigger) => session.CanFire(trigger);
    }
}
