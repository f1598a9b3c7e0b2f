using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Settles AM/PM. An explicit "pm" or "in the afternoon" decides; otherwise the reading that falls inside the
/// business's opening hours (that day's when the day is known) wins, so "at 3" is 15:00 for a salon open 9–17.
/// When both or neither reading is open, callers mean 7–11 in the morning and 12–6 in the afternoon.
/// </summary>
internal static class HourResolver
{
    public static TimeOnly Resolve(Clock clock, Meridiem hint, BusinessProfile business, DateOnly? date)
    {
        if (!clock.IsAmbiguous)
        {
            var hour = clock.Meridiem switch
            {
                Meridiem.Am when clock.Hour == 12 => 0,
                Meridiem.Pm when clock.Hour < 12 => clock.Hour + 12,
                _ => clock.Hour,
            };
            return new TimeOnly(hour % 24, clock.Minute);
        }

        if (clock.Hour == 12)
        {
            return new TimeOnly(12, clock.Minute);
        }

        var morning = new TimeOnly(clock.Hour, clock.Minute);
        var afternoon = new TimeOnly(clock.Hour + 12, clock.Minute);
        if (hint != Meridiem.None)
        {
            return hint == Meridiem.Am ? morning : afternoon;
        }

        var intervals = date is { } day && business.OpeningHours.Any(o => o.Day == day.DayOfWeek)
            ? business.OpeningHours.Where(o => o.Day == day.DayOfWeek)
            : business.OpeningHours;
        var morningOpen = intervals.Any(o => morning >= o.Opens && morning <= o.Closes);
        var afternoonOpen = intervals.Any(o => afternoon >= o.Opens && afternoon <= o.Closes);
        if (morningOpen != afternoonOpen)
        {
            return morningOpen ? morning : afternoon;
        }

        return clock.Hour >= 7 ? morning : afternoon;
    }
}
