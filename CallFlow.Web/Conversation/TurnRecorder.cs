using System.Text.Json;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;

namespace CallFlow.Web.Conversation;

/// <summary>
/// Adds one exchange to the unit of work it ran in, so it is saved with the call's state change: the transcript
/// turn (caller text, confidence, intent, interpretation, step, reply, processing time), the step events and the
/// follow-up commands.
/// </summary>
internal static class TurnRecorder
{
    public static void Record(CallSession session, CallerInput? input, TurnResult result, StoredFlow flow, TimeSpan elapsed)
    {
        var call = session.Call;
        var sequence = ++session.Context.Conversation.Turns;
        var reply = result.Reply.Transcript;
        session.Db.ConversationTurns.Add(new ConversationTurn
        {
            CallId = call.Id,
            Sequence = sequence,
            At = session.Now,
            CallerText = Truncate(input?.Speech, 2000),
            Digits = Truncate(input?.Digits, 64),
            Confidence = input?.Confidence,
            Intent = result.Interpretation?.Intent,
            Interpretation = result.Interpretation is null ? null : JsonSerializer.Serialize(result.Interpretation, JsonConversion.Options),
            StepId = result.StepId,
            Reply = Truncate(reply, 4000) ?? "",
            ProcessingMs = elapsed.TotalMilliseconds,
        });

        foreach (var step in result.StepEvents)
        {
            session.Db.StepEvents.Add(new CallStepEvent
            {
                CallId = call.Id,
                BusinessId = call.BusinessId,
                FlowVersionId = flow.VersionId,
                TurnSequence = sequence,
                StepId = step.StepId,
                Kind = step.Kind,
                Reason = step.Reason,
                Attempt = step.Attempt,
                Unprompted = step.Unprompted,
                At = session.Now,
                DurationMs = step.Kind is StepEventKind.Completed or StepEventKind.Failed ? StepDurationMs(session, step.StepId) : null,
            });
        }

        foreach (var followUp in result.FollowUps)
        {
            session.Db.FollowUps.Add(CallFollowUp.Of(call.Id, call.BusinessId, followUp, session.Now));
        }

        if ((input?.Speech ?? input?.Digits) is { Length: > 0 } said)
        {
            session.Context.Remember(ConversationRole.Caller, said);
        }

        if (reply.Length > 0)
        {
            session.Context.Remember(ConversationRole.Assistant, reply);
        }

        session.Touch();
    }

    /// <summary>How long the step has been asked for, in milliseconds; null when it was never asked (answered beforehand).</summary>
    internal static double? StepDurationMs(CallSession session, string stepId) =>
        session.Context.Conversation.StepsEnteredAt.TryGetValue(stepId, out var asked) ? Math.Max(0, (session.Now - asked).TotalMilliseconds) : null;

    private static string? Truncate(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
