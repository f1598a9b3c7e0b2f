using CallFlow.Domain.Flows;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// What the caller is expected to answer next, and how to ask again when they were not understood: first a
/// rephrasing, then the options or examples read out. The retry limit itself is the step's (<see cref="FlowStep.MaxRetries"/>).
/// </summary>
internal static class Prompts
{
    public const string OpenQuestion = "How can I help you today?";
    public const string AnythingElse = "Is there anything else I can help you with?";
    public const string WantsToBook = "Would you like to book an appointment?";

    /// <summary>Retries allowed at a question that is not a flow step.</summary>
    public const int OpenRetries = FlowStep.DefaultMaxRetries;

    private const int MaxHints = 60;

    /// <summary>The expectation the next utterance is read against.</summary>
    public static Expectation Expected(Turn turn)
    {
        var state = turn.State;
        switch (state.Pending)
        {
            case PendingQuestion.ReadBack:
                return Expectation.YesNo(ConfirmationStep(turn));
            case PendingQuestion.WantsToBook or PendingQuestion.AnythingElse or PendingQuestion.OfferCallback or PendingQuestion.ConfirmCancel or PendingQuestion.ResumeOffer:
                return Expectation.YesNo();
            case PendingQuestion.PickSlot:
                return Expectation.Selection(BookingFields.Time, [.. state.Offered.Select(s => Speech.DateAndTime(s.LocalDate, s.LocalTime))]);
            case PendingQuestion.Message:
                return new Expectation(ExpectedInput.Text, "message");
            case PendingQuestion.WhatToChange:
                return Expectation.Any;
        }

        if (turn.Flow?.Step(turn.Context.CurrentStepId) is { } step && StepPlanner.Missing(step, turn.Collected) is [var field, ..])
        {
            return new Expectation(FlowFields.Reading(field, step.Input), field, field == BookingFields.Service || step.Input == StepInput.Selection ? step.Options : null);
        }

        return Expectation.Any;
    }

    /// <summary>The id the read-back is counted under: the flow's confirmation step, or <see cref="ConversationSteps.Confirmation"/>.</summary>
    public static string ConfirmationStep(Turn turn) => turn.Flow?.Confirmation?.Id ?? ConversationSteps.Confirmation;

    /// <summary>The question for a step: its own prompt, or the question for the one field still missing.</summary>
    public static string For(FlowStep step, IReadOnlyDictionary<string, string> collected)
    {
        var missing = StepPlanner.Missing(step, collected);
        return missing.Count == step.Fields.Count || missing.Count == 0 ? step.Prompt : FlowFields.AskFor(missing[0]);
    }

    /// <summary>Asking again after the <paramref name="attempt"/>-th failure (1-based), with <paramref name="opener"/> first.</summary>
    public static string Again(Turn turn, int attempt, string opener)
    {
        var expected = Expected(turn);
        var step = turn.State.Pending == PendingQuestion.None ? turn.Flow?.Step(turn.Context.CurrentStepId) : null;
        var question = turn.State.LastQuestion ?? OpenQuestion;
        if (attempt <= 1)
        {
            var rephrase = step is null ? question : step.Reprompt is { Length: > 0 } own ? own : FlowFields.Rephrase(expected.Field ?? step.Fields[0]);
            return $"{opener} {rephrase}";
        }

        if (expected.Options.Count > 0)
        {
            return $"{opener} You can say {Speech.List(expected.Options, "or")}, or press 1 to {expected.Options.Count}.";
        }

        return expected.Input switch
        {
            ExpectedInput.YesNo => $"{opener} {question} Please say yes or no, or press 1 for yes and 2 for no.",
            ExpectedInput.Any when turn.State.Pending == PendingQuestion.None =>
                $"{opener} You can ask me to book, move or cancel an appointment, or ask about our hours, address or prices.",
            _ when step is not null => $"{opener} {FlowFields.Examples(expected.Field ?? step.Fields[0], step.Input)}",
            _ => $"{opener} {question}",
        };
    }

    /// <summary>Words that help the carrier's speech recognition at this point of the call.</summary>
    public static IReadOnlyList<string> Hints(Turn turn)
    {
        var expected = Expected(turn);
        var hints = new List<string>(expected.Options);
        if (expected.Input == ExpectedInput.YesNo)
        {
            hints.AddRange(["yes", "no"]);
        }

        if (!turn.Collected.ContainsKey(BookingFields.Service))
        {
            hints.AddRange(turn.Business.Services.SelectMany(s => s.Synonyms.Prepend(s.Name)));
        }

        return [.. hints.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxHints)];
    }
}
