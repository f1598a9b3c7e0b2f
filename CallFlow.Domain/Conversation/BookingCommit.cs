using CallFlow.Domain.Booking;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Recovery;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// The end of a booking: read it back (service, the day and date spoken naturally, the time, the name), then on
/// "yes" commit it to the calendar. A slot taken meanwhile brings the nearest alternatives instead of a failure; a
/// calendar that cannot be reached takes the booking provisionally, to be confirmed by text.
/// </summary>
internal static class BookingCommit
{
    public static VoiceReply ReadBack(Turn turn)
    {
        if (turn.Call.State == CallState.CollectingInfo)
        {
            turn.Fire(CallTrigger.InfoCollected, $"{turn.Context.CurrentStepId ?? "booking"}: {turn.Words}");
        }

        turn.State.Pending = PendingQuestion.ReadBack;
        turn.Enter(Prompts.ConfirmationStep(turn));
        turn.Say(Readback(turn));
        var question = turn.Flow?.Confirmation?.Prompt
            ?? (turn.State.Goal == ConversationGoal.Reschedule ? "Shall I move it?" : "Shall I book that for you?");
        return turn.Ask(question);
    }

    /// <summary>The caller said yes to the read-back.</summary>
    public static async Task<VoiceReply> CommitAsync(Turn turn, CancellationToken cancellationToken)
    {
        turn.Event(Prompts.ConfirmationStep(turn), StepEventKind.Completed);
        turn.State.Pending = PendingQuestion.None;
        turn.Fire(CallTrigger.Confirmed);
        if (SlotFinder.Service(turn) is not { } service)
        {
            // The business stopped offering the service while the caller was on the line.
            turn.Fire(CallTrigger.BookingFailed, "the service is no longer offered");
            turn.Say("I'm sorry, I can't book that service any more.");
            return Fallbacks.HandOff(turn, "the service is no longer offered");
        }

        var start = turn.State.Held?.StartUtc ?? LocalInstant(turn);
        var existing = turn.State.Goal == ConversationGoal.Reschedule ? turn.State.Existing : null;
        var outcome = existing is not null
            ? await turn.Desk.RescheduleAsync(new RescheduleRequest(turn.Business.Id, existing.AppointmentId, turn.Context.CallId, start), cancellationToken)
            : await turn.Desk.BookAsync(new BookingRequest(
                turn.Business.Id, turn.Context.CallId, service, start,
                turn.Collected[BookingFields.CustomerName], turn.Collected[BookingFields.CustomerPhone],
                IdempotencyKey: $"{turn.Context.CallId}:{service.Id}:{start.UtcTicks}",
                ResourceId: turn.State.Held?.ResourceId), cancellationToken);

        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                turn.Context.AppointmentData = turn.Context.AppointmentData with { AppointmentId = booked.AppointmentId };
                turn.State.Held = null;
                turn.Fire(CallTrigger.BookingComplete, $"appointment {booked.AppointmentId}");
                turn.LeaveSteps();
                var when = Speech.DateAndTime(booked.Slot.LocalDate, booked.Slot.LocalTime);
                return turn.End(existing is not null
                    ? $"Done! Your {service.Name} is now on {when}. Thanks for calling {turn.Business.Name}. Goodbye!"
                    : $"You're all set! Your {service.Name} is booked for {when}, and we'll text you a confirmation. Thanks for calling {turn.Business.Name}. Goodbye!");

            case BookingOutcome.SlotTaken taken:
                turn.Fire(CallTrigger.BookingFailed, taken.Why.Message);
                turn.EnteredCollecting = true;
                turn.State.Held = null;
                var time = SlotFinder.Time(turn);
                var date = SlotFinder.Date(turn);
                var sorry = time is { } t && date is { } d ? $"I'm sorry, {Speech.Time(t)} on {Speech.Date(d)} was just taken." : "I'm sorry, that time was just taken.";
                if (taken.Alternatives.Count == 0)
                {
                    BookingCollector.Forget(turn, BookingFields.Time);
                    turn.Say(sorry);
                    return BookingCollector.AskNextOrReadBack(turn, gave: false);
                }

                return SlotFinder.Offer(turn, taken.Alternatives, sorry, conflict: true);

            case BookingOutcome.Rejected rejected:
                turn.Fire(CallTrigger.BookingFailed, rejected.Reason);
                turn.Say("I'm sorry, I couldn't complete that booking.");
                return Fallbacks.HandOff(turn, $"the calendar refused the booking: {rejected.Reason}");

            case BookingOutcome.CalendarUnavailable unavailable:
                return Provisional(turn, service.Id, start, unavailable.Reason);

            default:
                throw new InvalidOperationException($"Unknown booking outcome {outcome}.");
        }
    }

    /// <summary>The calendar cannot be reached: keep the booking as a request, to be confirmed by text.</summary>
    private static VoiceReply Provisional(Turn turn, string serviceId, DateTimeOffset start, string reason)
    {
        var name = turn.Collected[BookingFields.CustomerName];
        turn.FollowUps.Add(new FollowUp.TakeProvisionalBooking(
            serviceId, start, name, turn.Collected[BookingFields.CustomerPhone], reason, turn.State.Existing?.AppointmentId));
        turn.Decide(CallOutcome.MessageTaken);
        turn.State.CalendarUnavailable = true;
        var decision = RecoveryManager.Decide(FailureType.CalendarUnavailable, RecoverySituation.Of(turn.Business, turn.Call.State, turn.Context, turn.Now));
        turn.Fire(CallTrigger.CallEnded, (decision with { Cause = reason }).Describe());
        turn.LeaveSteps();
        return turn.End($"Thank you, {FirstName(name)}. Our calendar isn't answering right now, so I've taken your request, and we'll confirm it by text message shortly. Thanks for calling {turn.Business.Name}. Goodbye!");
    }

    /// <summary>"Let me read that back: a Haircut on Friday, March 6th at 3 PM for Dana Smith, …"</summary>
    private static string Readback(Turn turn)
    {
        var service = turn.Collected.GetValueOrDefault(BookingFields.Service, "appointment");
        var when = SlotFinder.Date(turn) is { } date && SlotFinder.Time(turn) is { } time ? Speech.DateAndTime(date, time) : "the time you chose";
        var phone = turn.Collected.GetValueOrDefault(BookingFields.CustomerPhone);
        var text = turn.State.Goal == ConversationGoal.Reschedule && turn.State.Existing is { } existing
            ? $"Let me read that back: your {existing.ServiceName} moves from {Speech.DateAndTime(DateOnly.FromDateTime(existing.LocalStart.DateTime), TimeOnly.FromDateTime(existing.LocalStart.DateTime))} to {when}."
            : $"Let me read that back: {Speech.WithArticle(service)} on {when} for {turn.Collected.GetValueOrDefault(BookingFields.CustomerName, "you")}"
                + (phone is null ? "." : $", and we'll text the confirmation to the number ending in {Speech.PhoneEnding(phone)}.");
        return turn.State.CalendarUnavailable
            ? text + " Our calendar isn't answering right now, so I'll take this as a request and we'll confirm it by text."
            : text;
    }

    /// <summary>The instant the collected day and time name in the business's zone (when no slot is held).</summary>
    private static DateTimeOffset LocalInstant(Turn turn)
    {
        var local = SlotFinder.Date(turn)!.Value.ToDateTime(SlotFinder.Time(turn)!.Value);
        var zone = turn.Business.TimeZone;
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
}
