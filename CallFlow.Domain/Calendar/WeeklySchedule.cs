namespace CallFlow.Domain.Calendar;

/// <summary>Weekly hours and date overrides indexed for quick lookup by date; overrides win.</summary>
internal sealed class WeeklySchedule
{
    private readonly TimeRange[][] _byWeekday = new TimeRange[7][];
    private readonly Dictionary<DateOnly, DateOverride> _overrides = [];

    private WeeklySchedule(CalendarRules rules)
    {
        for (var day = 0; day < 7; day++)
        {
            _byWeekday[day] = [.. rules.WeeklyHours.Where(i => (int)i.Day == day).Select(i => i.Hours).OrderBy(h => h.StartMinute)];
        }

        foreach (var dateOverride in rules.DateOverrides)
        {
            _overrides[dateOverride.Date] = dateOverride;
        }
    }

    public static WeeklySchedule From(CalendarRules rules) => new(rules);

    public DayHours HoursOn(DateOnly date) => _overrides.TryGetValue(date, out var dateOverride)
        ? new DayHours(date, [.. dateOverride.Hours.OrderBy(h => h.StartMinute)], dateOverride)
        : new DayHours(date, _byWeekday[(int)date.DayOfWeek], null);
}
