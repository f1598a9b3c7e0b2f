namespace CallFlow.Domain.Conversation;

/// <summary>
/// A failed attempt at the question being asked (silence, words that do not answer it, an invalid value): ask
/// again, a rephrasing first and then the options read out, until the step's retry limit, when the flow's fallback
/// runs instead. Questions that are not flow steps allow <see cref="Prompts.OpenRetries"/>.
/// </summary>
internal static class Retries
{
    public static VoiceReply NotUnderstood(Turn turn, StepFailureReason reason, string? why = null)
    {
        var stepId = turn.Context.CurrentStepId;
        var limit = turn.Flow?.Step(stepId)?.MaxRetries ?? Prompts.OpenRetries;
        var attempt = ++turn.Context.RetryCount;
        if (attempt >= limit)
        {
            if (stepId is not null)
            {
                turn.Event(stepId, StepEventKind.Failed, reason, attempt);
            }

            return Fallbacks.RetryLimitReached(turn, reason);
        }

        if (stepId is not null)
        {
            turn.Event(stepId, StepEventKind.Retried, reason, attempt);
        }

        var opener = why ?? (reason == StepFailureReason.NoInput ? "Sorry, I didn't catch that." : "Sorry, I didn't quite understand.");
        return turn.Ask(Prompts.Again(turn, attempt, opener), remember: false);
    }
}
