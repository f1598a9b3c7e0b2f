using System.Globalization;
using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>
/// Answers an owner's "why is 15:00 not offered on that day for a haircut?" with the rule that removes the
/// slot and a sentence for the console. It runs the calculator's own rules, so it says "offered" exactly
/// when <see cref="AvailabilityCalculator.FreeSlots(ServiceOffering, DateOnly)"/> lists the slot.
/// </summary>
public static class SlotExplainer
{
    /// <summary>
    /// Explains one local start time. A time in a repeated hour (clocks going back) means its first occurrence,
    /// as everywhere in the calendar.
    /// </summary>
    public static SlotExplanation Explain(this AvailabilityCalculator availability, ServiceOffering service, DateOnly date, TimeOnly time)
    {
        var minuteOfDay = TimeRange.MinuteOf(time);
        var evaluation = time.Ticks % TimeSpan.TicksPerMinute == 0
            ? availability.Evaluate(service, date, minuteOfDay, resourceId: null)
            : new SlotEvaluation(SlotVerdict.NotOnSlotGrid, availability.Rules.HoursOn(date), minuteOfDay);
        return Describe(availability, service, evaluation);
    }

    internal static SlotExplanation Describe(AvailabilityCalculator availability, ServiceOffering service, SlotEvaluation evaluation)
    {
        var slot = evaluation.Verdict == SlotVerdict.Offered ? evaluation.ToSlot(availability.Clock, service) : null;
        return new SlotExplanation(evaluation.Verdict, Sentence(availability, service, evaluation, slot), slot);
    }

    private static string Sentence(AvailabilityCalculator availability, ServiceOffering service, SlotEvaluation evaluation, AvailableSlot? slot)
    {
        var rules = availability.Rules;
        var day = evaluation.Day;
        var time = TimeRange.FormatMinute(evaluation.MinuteOfDay);
        var date = CalendarRules.DateName(day.Date);
        var zone = rules.TimeZoneId;
        return evaluation.Verdict switch
        {
            SlotVerdict.Offered => $"{service.Name} at {time} on {date} is offered{FreeResources(rules, slot!)}.",
            SlotVerdict.Closed when day.Override is { } closed =>
                $"Closed on {date}{(closed.Note is { Length: > 0 } note ? $" ({note})" : "")}: a date override closes the whole day.",
            SlotVerdict.Closed => $"Closed on {day.Date.DayOfWeek}s: the weekly hours have no opening times that day.",
            SlotVerdict.OutsideHours =>
                $"{time} is outside the opening hours on {date} ({string.Join(", ", day.Intervals)}{(day.Override is null ? "" : ", special hours")}).",
            SlotVerdict.NonexistentLocalTime => $"{time} does not exist on {date}: clocks in {zone} jump forward past it that night.",
            SlotVerdict.RepeatedLocalTime =>
                $"{time} happens twice on {date} as clocks in {zone} go back; only its first occurrence is bookable.",
            SlotVerdict.NotOnSlotGrid =>
                $"Appointments start every {rules.SlotMinutes} minutes from {evaluation.Interval?.Start.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "opening"}; {time} is between two start times.",
            SlotVerdict.RunsPastClosing => RunsPastClosing(availability, service, evaluation, time),
            SlotVerdict.TooSoon when ZoneClock.Instant(evaluation.Start!.Value) <= availability.Now => $"{time} on {date} has already begun or passed.",
            SlotVerdict.TooSoon =>
                $"Bookings need at least {rules.MinimumNoticeMinutes} minutes' notice; {time} on {date} is too soon (it is now {LocalTime(availability, availability.Now)}).",
            SlotVerdict.BeyondHorizon =>
                $"Callers can book only {rules.HorizonDays} days ahead, up to {CalendarRules.DateName(availability.LastBookableDate)}.",
            SlotVerdict.DailyLimitReached => $"{date} already has {rules.DailyLimit} appointments or holds, the daily limit.",
            SlotVerdict.NoStaffForService when rules.Resources.Any(r => r.Offers(service)) => $"The staff member asked for does not offer {service.Name}.",
            SlotVerdict.NoStaffForService => $"Nobody on the team offers {service.Name}.",
            SlotVerdict.Taken when evaluation.ResourcesFull => $"Everyone who offers {service.Name} is booked at {time} on {date}.",
            SlotVerdict.Taken => $"Every seat is booked at {time} on {date} (capacity {rules.Capacity}){After(": ", Overlapping(availability, service, evaluation))}.",
            SlotVerdict.Buffer =>
                $"{time} on {date} is free, but the preparation or clean-up time around it would overlap{After(" ", Overlapping(availability, service, evaluation))}.",
            SlotVerdict.HeldByAnotherCaller => HeldMessage(availability, service, evaluation, time, date),
            _ => evaluation.Verdict.ToString(),
        };
    }

    private static string FreeResources(CalendarRules rules, AvailableSlot slot) => slot.FreeResourceIds.Count == 0 ? ""
        : " with " + string.Join(" or ", slot.FreeResourceIds.Select(id => rules.Resources.First(r => r.Id == id).Name));

    private static string RunsPastClosing(AvailabilityCalculator availability, ServiceOffering service, SlotEvaluation evaluation, string time)
    {
        var interval = evaluation.Interval!;
        var closes = interval == evaluation.Day.Intervals[^1] ? "closing" : "the break";
        var end = LocalTime(availability, ZoneClock.Instant(evaluation.Start!.Value + service.DurationMinutes));
        return $"{service.Name} takes {service.DurationMinutes} minutes, so at {time} it would end at {end}, after {closes} at {TimeRange.FormatMinute(interval.EndMinute)}.";
    }

    /// <summary>
    /// The appointments behind a Taken (their time overlaps the slot's time) or a Buffer verdict (only the times
    /// with buffers overlap), as "the appointments at 14:30 and 15:00".
    /// </summary>
    private static string Overlapping(AvailabilityCalculator availability, ServiceOffering service, SlotEvaluation evaluation)
    {
        var slot = BookedAppointment.For(service, ZoneClock.Instant(evaluation.Start!.Value));
        var starts = availability.Appointments
            .Where(a => evaluation.Verdict == SlotVerdict.Taken
                ? a.Start < slot.End && slot.Start < a.End
                : a.OccupiedFrom < slot.OccupiedUntil && slot.OccupiedFrom < a.OccupiedUntil && !(a.Start < slot.End && slot.Start < a.End))
            .Select(a => a.Start)
            .Distinct()
            .Order()
            .Select(start => LocalTime(availability, start))
            .ToList();
        return starts.Count switch
        {
            0 => "",
            1 => $"the appointment at {starts[0]}",
            _ => $"the appointments at {string.Join(", ", starts[..^1])} and {starts[^1]}",
        };
    }

    private static string After(string separator, string text) => text.Length == 0 ? "" : separator + text;

    private static string HeldMessage(AvailabilityCalculator availability, ServiceOffering service, SlotEvaluation evaluation, string time, string date)
    {
        var slot = BookedAppointment.For(service, ZoneClock.Instant(evaluation.Start!.Value));
        var until = availability.Holds
            .Where(h => h.ToAppointment().OccupiedFrom < slot.OccupiedUntil && slot.OccupiedFrom < h.ToAppointment().OccupiedUntil)
            .Select(h => h.ExpiresAt)
            .DefaultIfEmpty(availability.Now)
            .Max();
        return $"Another caller is holding {time} on {date} while they decide; the hold lapses at {LocalTime(availability, until)} unless they book it.";
    }

    private static string LocalTime(AvailabilityCalculator availability, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, availability.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
