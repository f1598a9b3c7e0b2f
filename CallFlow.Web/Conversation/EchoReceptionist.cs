using System.Diagnostics;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Conversation;

/// <summary>
/// A stand-in receptionist until the conversation engine lands: greets, walks the booking steps by repeating what
/// it heard, transfers on request and says goodbye. It drives the real call machine through the orchestrator and
/// records every exchange, so the phone line can be exercised end to end.
/// </summary>
public sealed class EchoReceptionist(CallOrchestrator calls, ILogger<EchoReceptionist> logger) : IReceptionist
{
    /// <summary>Silent turns in a row before the call is ended.</summary>
    public const int RetryLimit = 3;

    public const string NotInService = "We're sorry, the number you have called is not in service. Goodbye.";
    public const string UnknownCall = "We're sorry, we could not find your call. Please call again. Goodbye.";

    private static readonly string[] Steps = ["service", "date", "time", "customerName"];
    private static readonly string[] PersonWords = ["person", "someone", "somebody", "human", "staff", "receptionist"];
    private static readonly string[] ByeWords = ["bye", "goodbye"];

    public async Task<VoiceReply> AnswerAsync(InboundCall call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var start = await calls.StartInboundAsync(call, cancellationToken);
        if (start.UnknownNumber)
        {
            logger.LogWarning("Call {CallSid} from {From} to {To}: number not in service", call.CallSid, call.From, call.To);
            return VoiceReply.Goodbye(NotInService);
        }

        var profile = start.Business!.ToProfile();
        if (start.Call!.State.IsTerminal())
        {
            return Speak(profile, VoiceReply.Goodbye("This call has already ended. Goodbye."));
        }

        var reply = Speak(profile, VoiceReply.Prompt(Greeting(profile), Hints(profile)));
        if (!start.Existing)
        {
            await calls.ExecuteAsync(call.CallSid, Actor.System, async session =>
            {
                await RecordAsync(session, null, reply, started.Elapsed);
                return true;
            }, cancellationToken);
        }

        return reply;
    }

    public async Task<VoiceReply> ConnectOutboundAsync(string callSid, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var done = await calls.ExecuteAsync(callSid, Actor.Carrier, async session =>
        {
            if (session.State == CallState.Idle)
            {
                session.Fire(CallTrigger.DialOut, "callee answered");
            }

            if (session.State == CallState.Ringing)
            {
                session.Fire(CallTrigger.CallAnswered, "callee answered");
            }

            var profile = session.Business.ToProfile();
            var reply = session.State.IsLive()
                ? Speak(profile, VoiceReply.Prompt($"Hello, this is {profile.Name} returning your call. How can I help you today?", Hints(profile)))
                : Speak(profile, VoiceReply.Goodbye("This call has already ended. Goodbye."));
            await RecordAsync(session, null, reply, started.Elapsed);
            return reply;
        }, cancellationToken);
        return done?.Result ?? NoSuchCall(callSid);
    }

    public async Task<VoiceReply> ReplyAsync(string callSid, CallerInput input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var done = await calls.ExecuteAsync(callSid, Actor.Carrier, async session =>
        {
            var reply = Speak(session.Business.ToProfile(), Decide(session, input));
            await RecordAsync(session, input, reply, started.Elapsed);
            return reply;
        }, cancellationToken);
        return done?.Result ?? NoSuchCall(callSid);
    }

    public async Task<VoiceReply> TransferEndedAsync(string callSid, string dialStatus, CancellationToken cancellationToken)
    {
        var done = await calls.ExecuteAsync(callSid, Actor.Carrier, session =>
        {
            var profile = session.Business.ToProfile();
            if (dialStatus is "completed" or "answered")
            {
                session.Fire(CallTrigger.TransferCompleted, $"dial {dialStatus}");
                return Task.FromResult(Speak(profile, new VoiceReply([new HangUp()])));
            }

            session.Fire(CallTrigger.TransferFailed, $"dial {dialStatus}");
            return Task.FromResult(Speak(profile, VoiceReply.SayThenPrompt(
                "I'm sorry, nobody could take your call right now.",
                "I'm still here to help. " + PromptFor(session.Context.CurrentStepId, profile),
                Hints(profile))));
        }, cancellationToken);
        return done?.Result ?? NoSuchCall(callSid);
    }

    public async Task<VoiceReply> RecoverAsync(string callSid, string? errorCode, CancellationToken cancellationToken)
    {
        var done = await calls.ExecuteAsync(callSid, Actor.Carrier, session =>
        {
            // Promise a callback and end: the collected details stay in the call's context for whoever calls back.
            var result = session.ReachRetryLimit(Fallback.Callback, $"carrier fallback: error {errorCode ?? "unknown"}");
            if (!result.Transitioned)
            {
                logger.LogWarning("Call {CallSid}: carrier fallback (error {ErrorCode}) in {State}", callSid, errorCode, session.State);
            }

            return Task.FromResult(Speak(session.Business.ToProfile(), VoiceReply.Goodbye(
                "We're sorry, we're having technical difficulties. We've kept the details you gave us, and we'll call you back shortly. Goodbye.")));
        }, cancellationToken);
        return done?.Result ?? VoiceReply.Goodbye("We're sorry, we're having technical difficulties. Please call again in a few minutes. Goodbye.");
    }

    private static VoiceReply Decide(CallSession session, CallerInput input)
    {
        var profile = session.Business.ToProfile();
        var context = session.Context;
        var caller = Actor.Caller(session.Call.From);
        if (!session.State.IsLive())
        {
            return VoiceReply.Goodbye("This call has already ended. Goodbye.");
        }

        if (input.IsEmpty)
        {
            context.RetryCount++;
            if (context.RetryCount >= RetryLimit)
            {
                session.Fire(CallTrigger.CallEnded, $"no input {RetryLimit} times", caller);
                return VoiceReply.Goodbye($"I'm sorry, I can't hear you. Please call {profile.Name} again. Goodbye.");
            }

            return VoiceReply.SayThenPrompt("Sorry, I didn't catch that.", PromptFor(context.CurrentStepId, profile), Hints(profile));
        }

        context.RetryCount = 0;
        var text = (input.Speech ?? input.Digits ?? "").Trim();
        var words = text.ToLowerInvariant().Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries);

        if (words.Any(PersonWords.Contains))
        {
            if (profile.TransferNumber is { } number && session.Fire(CallTrigger.TransferRequested, text, caller).Transitioned)
            {
                return VoiceReply.TransferTo("Connecting you to the front desk now. Please hold.", number);
            }

            return VoiceReply.SayThenPrompt("I'm sorry, nobody can come to the phone right now.", PromptFor(context.CurrentStepId, profile), Hints(profile));
        }

        if (words.Any(ByeWords.Contains))
        {
            session.Fire(CallTrigger.CallEnded, text, caller);
            return VoiceReply.Goodbye($"Thanks for calling {profile.Name}. Goodbye!");
        }

        if (!session.Machine.IsIn(CallState.CollectingInfo))
        {
            if (session.State is CallState.Transferring or CallState.OnHold or CallState.ConfirmingDetails)
            {
                return VoiceReply.Prompt("One moment, please.");
            }

            session.IdentifyIntent(Intent.Book, text, caller);
            session.Fire(CallTrigger.CollectInfo, null, caller);
            if (MatchService(text, profile) is { } service)
            {
                context.CollectedData["service"] = service;
            }
        }
        else if (context.CurrentStepId is { } step)
        {
            context.CollectedData[step] = step == "service" ? MatchService(text, profile) ?? text : text;
        }

        var next = Steps.FirstOrDefault(s => !context.CollectedData.ContainsKey(s));
        if (next is not null)
        {
            if (context.CurrentStepId is not null)
            {
                session.Fire(CallTrigger.InfoIncomplete, $"{context.CurrentStepId}: {text}", caller);
            }

            context.CurrentStepId = next;
            return VoiceReply.SayThenPrompt($"Got it: {text}.", PromptFor(next, profile), Hints(profile));
        }

        session.Fire(CallTrigger.InfoCollected, $"{context.CurrentStepId}: {text}", caller);
        context.CurrentStepId = null;
        var data = context.CollectedData;
        session.DecidedOutcome = CallOutcome.MessageTaken;
        session.Fire(CallTrigger.CallEnded, "details noted", caller);
        return VoiceReply.Goodbye(
            $"Thank you, {data["customerName"]}. I've noted a {data["service"]} on {data["date"]} at {data["time"]}. " +
            $"{profile.Name} will confirm it by text message. Goodbye!");
    }

    private static string PromptFor(string? step, BusinessProfile profile) => step switch
    {
        "service" => $"Which service would you like? We offer {string.Join(", ", profile.Services.Select(s => s.Name))}.",
        "date" => "What day would you like to come in?",
        "time" => "And what time suits you?",
        "customerName" => "Can I have your name, please?",
        _ => "How can I help you today?",
    };

    private static string Greeting(BusinessProfile profile) =>
        string.IsNullOrWhiteSpace(profile.Greeting) ? $"Thanks for calling {profile.Name}. How can I help you today?" : profile.Greeting;

    private static string? MatchService(string text, BusinessProfile profile) => profile.Services
        .FirstOrDefault(s => s.Synonyms.Prepend(s.Name).Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)))?.Name;

    private static IReadOnlyList<string> Hints(BusinessProfile profile) =>
        [.. profile.Services.SelectMany(s => s.Synonyms.Prepend(s.Name))];

    private static VoiceReply Speak(BusinessProfile profile, VoiceReply reply) => reply with { Speaker = profile.Voice };

    private VoiceReply NoSuchCall(string callSid)
    {
        logger.LogWarning("Call {CallSid}: no such call", callSid);
        return VoiceReply.Goodbye(UnknownCall);
    }

    private static async Task RecordAsync(CallSession session, CallerInput? input, VoiceReply reply, TimeSpan elapsed)
    {
        var last = await session.Db.ConversationTurns.Where(t => t.CallId == session.Call.Id).MaxAsync(t => (int?)t.Sequence);
        var said = input?.Speech ?? input?.Digits;
        session.Db.ConversationTurns.Add(new ConversationTurn
        {
            CallId = session.Call.Id,
            Sequence = (last ?? 0) + 1,
            At = session.Now,
            CallerText = Truncate(input?.Speech, 2000),
            Digits = Truncate(input?.Digits, 64),
            Confidence = input?.Confidence,
            StepId = session.Context.CurrentStepId,
            Reply = Truncate(reply.Transcript, 4000) ?? "",
            ProcessingMs = elapsed.TotalMilliseconds,
        });
        if (!string.IsNullOrWhiteSpace(said))
        {
            session.Context.Remember(ConversationRole.Caller, said);
        }

        session.Context.Remember(ConversationRole.Assistant, reply.Transcript);
        session.Touch();
    }

    private static string? Truncate(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
