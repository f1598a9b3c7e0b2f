using System.Globalization;
using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Asks the calendar once the service, the day and the time (or a part of the day) are known: a free exact time is
/// held for the call; otherwise the nearest free slots are read out naturally ("I don't have 3 PM on Friday,
/// March 6th. I can do 2:30 PM or 4:15 PM that day, or Saturday, March 7th at 3 PM.") and the caller picks one.
/// </summary>
internal static class SlotFinder
{
    /// <summary>Checks the slot if something changed since it was last held; a reply when the caller has to choose again.</summary>
    public static async Task<VoiceReply?> CheckAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (state.CalendarUnavailable || Service(turn) is not { } service)
        {
            return null;
        }

        var date = Date(turn);
        var time = Time(turn);
        var preference = time is null ? state.TimePreference : null;
        if (date is null && preference?.Kind != TimeRequestKind.Earliest)
        {
            return null;
        }

        if (time is null && preference is null)
        {
            return null;
        }

        if (state.Held is { } held && held.ServiceId == service.Id && held.LocalDate == date && held.LocalTime == time)
        {
            return null;
        }

        var request = new SlotRequest(turn.Business.Id, turn.Context.CallId, service, date, time,
            Within: preference is null ? null : new Calendar.TimeRange(preference.From ?? TimeOnly.MinValue, preference.To ?? TimeOnly.MinValue),
            Earliest: preference?.Kind == TimeRequestKind.Earliest,
            ChoiceCount: turn.Rules.AlternativesToOffer);
        var answer = await turn.Desk.OfferAsync(request, cancellationToken);
        if (answer is not SlotOffer.Held)
        {
            // A new hold replaces the call's earlier one in its own write; without one, the earlier time goes now.
            await ReleaseAsync(turn, cancellationToken);
        }

        switch (answer)
        {
            case SlotOffer.Held offer:
                Hold(turn, service, offer.Slot, offer.HeldUntil);
                return null;

            case SlotOffer.Choices { Slots.Count: 0 }:
                return NothingFree(turn, service);

            case SlotOffer.Choices choices:
                var why = time is { } asked && date is { } day ? WhyNot(choices.WhyNotRequested, service, day, asked) : null;
                return Offer(turn, choices.Slots, why, conflict: time is not null);

            default:
                state.CalendarUnavailable = true;
                return null;
        }
    }

    /// <summary>Reads out <paramref name="slots"/> and waits for the caller to pick one; the time is asked again (a calendar conflict when the time asked for was not free).</summary>
    public static VoiceReply Offer(Turn turn, IReadOnlyList<AvailableSlot> slots, string? why, bool conflict)
    {
        var state = turn.State;
        var asked = Date(turn);
        // Read out day by day as the calendar ranked them (the asked-for day first), each day's times in clock order.
        state.Offered = [.. slots.Take(turn.Rules.AlternativesToOffer)
            .GroupBy(s => s.LocalDate)
            .SelectMany(day => day.OrderBy(s => s.StartUtc))
            .Select(s => new OfferedSlot(s.StartUtc, s.LocalStart, s.FreeResourceIds.FirstOrDefault()))];
        state.Pending = PendingQuestion.PickSlot;
        turn.Collected.Remove(BookingFields.Time);
        turn.Context.AppointmentData = turn.Context.AppointmentData with { Time = null };
        if (turn.Flow?.StepCollecting(BookingFields.Time) is { } timeStep)
        {
            if (conflict)
            {
                turn.Event(timeStep.Id, StepEventKind.Retried, StepFailureReason.CalendarConflict);
            }

            turn.Enter(timeStep.Id);
        }

        turn.Say(why ?? "");
        turn.Say(Choices(state.Offered, asked));
        return turn.Ask(state.Offered.Count == 1 ? "Would that work for you?" : "Which would you like?");
    }

    /// <summary>The caller picked one of the slots read out; its day and time become the booking's.</summary>
    public static void Pick(Turn turn, OfferedSlot slot)
    {
        turn.State.Offered = [];
        turn.State.Pending = PendingQuestion.None;
        turn.State.TimePreference = null;
        SetDate(turn, slot.LocalDate);
        SetTime(turn, slot.LocalTime);
    }

    public static async Task ReleaseAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.State.Held is not null)
        {
            turn.State.Held = null;
            await turn.Desk.ReleaseHoldsAsync(turn.Business.Id, turn.Context.CallId, cancellationToken);
        }
    }

    public static ServiceOffering? Service(Turn turn) =>
        turn.Context.AppointmentData.ServiceId is { } id ? turn.Business.Services.FirstOrDefault(s => s.Id == id) : null;

    public static DateOnly? Date(Turn turn) =>
        turn.Collected.TryGetValue(BookingFields.Date, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static TimeOnly? Time(Turn turn) =>
        turn.Collected.TryGetValue(BookingFields.Time, out var text) && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static void SetDate(Turn turn, DateOnly date)
    {
        turn.Collected[BookingFields.Date] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        turn.Context.AppointmentData = turn.Context.AppointmentData with { Date = date };
    }

    public static void SetTime(Turn turn, TimeOnly time)
    {
        turn.Collected[BookingFields.Time] = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        turn.Context.AppointmentData = turn.Context.AppointmentData with { Time = time };
    }

    /// <summary>"I can do 2:30 PM or 4:15 PM that day, or Saturday, March 7th at 3 PM."</summary>
    internal static string Choices(IReadOnlyList<OfferedSlot> slots, DateOnly? askedDate)
    {
        var parts = slots.GroupBy(s => s.LocalDate).Select(day =>
        {
            var times = Speech.List([.. day.Select(s => Speech.Time(s.LocalTime))], "or");
            return day.Key == askedDate ? $"{times} that day" : $"{Speech.Date(day.Key)} at {times}";
        }).ToList();
        return $"I can do {string.Join(", or ", parts)}.";
    }

    private static void Hold(Turn turn, ServiceOffering service, AvailableSlot slot, DateTimeOffset until)
    {
        turn.State.Held = new HeldSlot(service.Id, slot.StartUtc, slot.LocalStart, until, slot.FreeResourceIds.FirstOrDefault(), HeldAt: turn.Now);
        turn.State.Offered = [];
        turn.State.TimePreference = null;
        SetDate(turn, slot.LocalDate);
        SetTime(turn, slot.LocalTime);
    }

    private static VoiceReply NothingFree(Turn turn, ServiceOffering service)
    {
        turn.State.TimePreference = null;
        turn.Say($"I'm sorry, I don't have any openings for {Speech.WithArticle(service.Name)} in the coming weeks.");
        turn.State.Pending = PendingQuestion.OfferCallback;
        turn.LeaveSteps();
        return turn.Ask("Would you like someone from the team to call you back?");
    }

    /// <summary>Why the time asked for cannot be booked, in a caller's words.</summary>
    private static string WhyNot(SlotExplanation? why, ServiceOffering service, DateOnly date, TimeOnly time) => why?.Verdict switch
    {
        SlotVerdict.Closed => $"I'm sorry, we're closed on {Speech.Date(date)}.",
        SlotVerdict.OutsideHours => $"I'm sorry, {Speech.Time(time)} is outside our opening hours on {Speech.Date(date)}.",
        SlotVerdict.RunsPastClosing => $"I'm sorry, {Speech.WithArticle(service.Name)} at {Speech.Time(time)} would run past closing.",
        SlotVerdict.TooSoon => $"I'm sorry, {Speech.Time(time)} on {Speech.Date(date)} is too soon for me to book.",
        SlotVerdict.BeyondHorizon => $"I'm sorry, {Speech.Date(date)} is further ahead than I can book.",
        _ => $"I'm sorry, I don't have {Speech.Time(time)} on {Speech.Date(date)}.",
    };
}
