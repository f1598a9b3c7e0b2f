using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Collects the booking: takes every value an utterance carries (so "a haircut tomorrow at 3, it's Dana" fills
/// three steps at once and they are never asked), checks each against the flow's validation, asks the calendar once
/// the slot is known, then asks the next step whose dependencies are met, or reads the booking back when none is left.
/// </summary>
internal static class BookingCollector
{
    /// <summary>Moves the call into collecting info for <paramref name="goal"/>, unless a booking is already under way.</summary>
    public static void Start(Turn turn, ConversationGoal goal)
    {
        if (!CallStates.Booking.Contains(turn.Call.State))
        {
            turn.Call.IdentifyIntent(goal == ConversationGoal.Reschedule ? Intent.Reschedule : Intent.Book, turn.Words);
            turn.Fire(CallTrigger.CollectInfo);
            turn.EnteredCollecting = true;
        }

        turn.State.Goal = goal;
        turn.State.Pending = PendingQuestion.None;
    }

    /// <summary>Takes what the caller said and moves the booking on by one question.</summary>
    public static async Task<VoiceReply> ContinueAsync(Turn turn, CancellationToken cancellationToken)
    {
        var flow = turn.Flow!;
        var (gave, failure) = turn.Reading is null ? (false, null) : Fill(turn, flow);
        if (failure is { } invalid)
        {
            var failedStep = flow.StepCollecting(invalid.Field);
            var next = StepPlanner.Next(flow, turn.Collected, turn.State.SkippedSteps);
            if (failedStep is not null && (failedStep.Id == turn.Context.CurrentStepId || failedStep.Id == next?.Id))
            {
                InfoIncomplete(turn, gave);
                turn.Enter(failedStep.Id);
                return Retries.NotUnderstood(turn, StepFailureReason.Validation, Speech.Sentence(invalid.Message));
            }

            turn.Say(Speech.Sentence(invalid.Message));
        }

        if (await SlotFinder.CheckAsync(turn, cancellationToken) is { } choose)
        {
            InfoIncomplete(turn, gave);
            return choose;
        }

        return AskNextOrReadBack(turn, gave);
    }

    /// <summary>The next step whose dependencies are met, or the read-back when every step is done.</summary>
    public static VoiceReply AskNextOrReadBack(Turn turn, bool gave = true)
    {
        if (StepPlanner.Next(turn.Flow!, turn.Collected, turn.State.SkippedSteps) is not { } next)
        {
            return BookingCommit.ReadBack(turn);
        }

        InfoIncomplete(turn, gave);
        turn.State.Pending = PendingQuestion.None;
        turn.Enter(next.Id);
        return turn.Ask(Prompts.For(next, turn.Collected));
    }

    /// <summary>Forgets one field (the caller wants to change it) so its step is asked again.</summary>
    public static void Forget(Turn turn, string field)
    {
        turn.Collected.Remove(field);
        var data = turn.Context.AppointmentData;
        turn.Context.AppointmentData = field switch
        {
            BookingFields.Service => data with { ServiceId = null },
            BookingFields.Date => data with { Date = null },
            BookingFields.Time => data with { Time = null },
            BookingFields.CustomerName => data with { CustomerName = null },
            BookingFields.CustomerPhone => data with { CustomerPhone = null },
            _ => data,
        };
    }

    private static void InfoIncomplete(Turn turn, bool gave)
    {
        if (gave && !turn.EnteredCollecting && turn.Call.State == CallState.CollectingInfo)
        {
            turn.Fire(CallTrigger.InfoIncomplete, $"{turn.Context.CurrentStepId ?? "booking"}: {turn.Words}");
        }
    }

    private static (bool Gave, (string Field, string Message)? Failure) Fill(Turn turn, CompiledFlow flow)
    {
        var reading = turn.Reading!;
        var gave = false;
        (string Field, string Message)? failure = null;

        void Fail(string field, string message)
        {
            gave = true;
            failure ??= (field, message);
        }

        void Set(string field, string value)
        {
            gave = true;
            if (flow.Check(field, value) is { } problem)
            {
                Fail(field, problem);
                return;
            }

            turn.Collected[field] = value;
        }

        if (flow.Collects(BookingFields.Service) && (reading.Service?.Service ?? Selected(turn, reading)) is { } service)
        {
            var step = flow.StepCollecting(BookingFields.Service)!;
            if (step.Options.Count > 0 && !step.Options.Any(option => Names(service, option)))
            {
                Fail(BookingFields.Service, $"I'm afraid I can't book {Speech.WithArticle(service.Name)} over the phone.");
            }
            else
            {
                Set(BookingFields.Service, service.Name);
                turn.Context.AppointmentData = turn.Context.AppointmentData with { ServiceId = service.Id };
            }
        }

        if (reading.Date is { } date && flow.Collects(BookingFields.Date))
        {
            if (date < turn.Today)
            {
                Fail(BookingFields.Date, $"{Speech.Date(date)} has already passed.");
            }
            else if (!BusinessHours.OpensOn(turn.Business, date.DayOfWeek))
            {
                Fail(BookingFields.Date, $"We're closed on {date.DayOfWeek}s.");
            }
            else if (flow.Check(BookingFields.Date, Iso(date)) is { } problem)
            {
                Fail(BookingFields.Date, problem);
            }
            else
            {
                gave = true;
                SlotFinder.SetDate(turn, date);
            }
        }

        if (reading.Time is { } time && flow.Collects(BookingFields.Time))
        {
            gave = true;
            var exact = time.Exact ?? (turn.State.CalendarUnavailable ? time.From : null);
            if (exact is { } at)
            {
                turn.State.TimePreference = null;
                SlotFinder.SetTime(turn, at);
            }
            else
            {
                turn.State.TimePreference = time;
                Forget(turn, BookingFields.Time);
            }
        }

        if (reading.Name is { } name && flow.Collects(BookingFields.CustomerName))
        {
            Set(BookingFields.CustomerName, name.Full);
            if (turn.Collected.ContainsKey(BookingFields.CustomerName))
            {
                turn.Context.AppointmentData = turn.Context.AppointmentData with { CustomerName = turn.Collected[BookingFields.CustomerName] };
            }
        }

        if (reading.Phone is { } phone && flow.Collects(BookingFields.CustomerPhone))
        {
            if (phone.IsValid && phone.E164 is { } e164)
            {
                Set(BookingFields.CustomerPhone, e164);
                if (turn.Collected.GetValueOrDefault(BookingFields.CustomerPhone) == e164)
                {
                    turn.Context.AppointmentData = turn.Context.AppointmentData with { CustomerPhone = e164 };
                }
            }
            else
            {
                Fail(BookingFields.CustomerPhone, phone.IsCallerId ? "I can't see the number you're calling from."
                    : phone.Digits.Count(char.IsAsciiDigit) < 10 ? "That number seems to be missing some digits."
                    : "That doesn't look like a valid phone number.");
            }
        }

        if (OwnField(turn, flow, reading) is { } own)
        {
            Set(own.Field, own.Value);
        }

        return (gave, failure);
    }

    /// <summary>An answer for a field of the owner's own (not a booking field) at the step being asked.</summary>
    private static (string Field, string Value)? OwnField(Turn turn, CompiledFlow flow, Interpretation reading)
    {
        if (flow.Step(turn.Context.CurrentStepId) is not { } step || StepPlanner.Missing(step, turn.Collected) is not [var field, ..]
            || FlowFields.IsBookingField(field))
        {
            return null;
        }

        var value = step.Input switch
        {
            StepInput.Number => reading.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StepInput.Date => reading.Date is { } d ? Iso(d) : null,
            StepInput.Time => reading.Time?.Exact?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            StepInput.Selection => reading.Selection?.Option,
            _ => reading.AnswersExpected ? reading.Text : null,
        };
        return value is null ? null : (field, value);
    }

    private static ServiceOffering? Selected(Turn turn, Interpretation reading) =>
        reading.Selection is { } picked && Prompts.Expected(turn).Field == BookingFields.Service
            ? turn.Business.Services.FirstOrDefault(s => Names(s, picked.Option))
            : null;

    private static bool Names(ServiceOffering service, string option) =>
        string.Equals(service.Name, option, StringComparison.OrdinalIgnoreCase) || string.Equals(service.Id, option, StringComparison.OrdinalIgnoreCase);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
