using System.Globalization;
using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>One thing wrong with edited calendar rules: the field it concerns and a sentence for the settings page.</summary>
public sealed record RuleProblem(string Field, string Message);

public sealed partial record CalendarRules
{
    /// <summary>The longest booking horizon an owner may set.</summary>
    public const int MaxHorizonDays = 730;

    /// <summary>The longest a service may take: a day. Readers of the calendar rely on no appointment lasting longer.</summary>
    public const int MaxServiceMinutes = TimeRange.MinutesPerDay;

    /// <summary>
    /// Checks the rules (and, when given, the services booked under them) and returns every problem found,
    /// each with a sentence an owner understands; an empty list means the rules can be saved.
    /// </summary>
    public IReadOnlyList<RuleProblem> Validate(IEnumerable<ServiceOffering>? services = null)
    {
        var problems = new List<RuleProblem>();
        var serviceList = services?.ToList();

        ValidateTimeZone(problems);
        foreach (var day in WeeklyHours.GroupBy(i => i.Day).OrderBy(g => g.Key))
        {
            ValidateIntervals(problems, nameof(WeeklyHours), DayName(day.Key), [.. day.Select(i => i.Hours)]);
        }

        foreach (var duplicate in DateOverrides.GroupBy(o => o.Date).Where(g => g.Count() > 1))
        {
            problems.Add(new(nameof(DateOverrides), $"{DateName(duplicate.Key)} has more than one date override; keep one."));
        }

        foreach (var dateOverride in DateOverrides)
        {
            ValidateIntervals(problems, nameof(DateOverrides), DateName(dateOverride.Date), dateOverride.Hours);
        }

        if (Capacity < 1)
        {
            problems.Add(new(nameof(Capacity), "Capacity must be at least 1: how many appointments can take place at the same time."));
        }

        if (SlotMinutes < 5 || SlotMinutes > TimeRange.MinutesPerDay || SlotMinutes % 5 != 0)
        {
            problems.Add(new(nameof(SlotMinutes), "Slots must start every 5, 10, 15, … minutes: use a multiple of 5 minutes."));
        }

        if (MinimumNoticeMinutes < 0)
        {
            problems.Add(new(nameof(MinimumNoticeMinutes), "The minimum notice cannot be negative; use 0 to allow booking right up to the start."));
        }

        if (HorizonDays < 1 || HorizonDays > MaxHorizonDays)
        {
            problems.Add(new(nameof(HorizonDays), $"Callers must be able to book between 1 and {MaxHorizonDays} days ahead."));
        }

        if (DailyLimit is < 1)
        {
            problems.Add(new(nameof(DailyLimit), "The daily limit must be at least 1 appointment; leave it empty for no limit."));
        }

        ValidateResources(problems, serviceList);
        foreach (var service in serviceList ?? [])
        {
            problems.AddRange(ValidateService(service));
        }

        return problems;
    }

    /// <summary>Checks one service's duration and buffers: positive duration, everything on 5-minute marks.</summary>
    public static IReadOnlyList<RuleProblem> ValidateService(ServiceOffering service)
    {
        var problems = new List<RuleProblem>();
        var name = string.IsNullOrWhiteSpace(service.Name) ? "A service" : service.Name;
        if (service.DurationMinutes <= 0 || service.DurationMinutes > MaxServiceMinutes || service.DurationMinutes % 5 != 0)
        {
            problems.Add(new(nameof(ServiceOffering.DurationMinutes), $"{name}: the duration must be a multiple of 5 minutes, from 5 minutes to 24 hours."));
        }

        if (service.BufferBeforeMinutes < 0 || service.BufferBeforeMinutes > TimeRange.MinutesPerDay || service.BufferBeforeMinutes % 5 != 0)
        {
            problems.Add(new(nameof(ServiceOffering.BufferBeforeMinutes), $"{name}: the buffer before must be 0 or a multiple of 5 minutes."));
        }

        if (service.BufferAfterMinutes < 0 || service.BufferAfterMinutes > TimeRange.MinutesPerDay || service.BufferAfterMinutes % 5 != 0)
        {
            problems.Add(new(nameof(ServiceOffering.BufferAfterMinutes), $"{name}: the buffer after must be 0 or a multiple of 5 minutes."));
        }

        return problems;
    }

    private void ValidateTimeZone(List<RuleProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            problems.Add(new(nameof(TimeZoneId), "Choose the business's time zone, such as America/New_York."));
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) || !zone.HasIanaId)
        {
            problems.Add(new(nameof(TimeZoneId), $"'{TimeZoneId}' is not a known IANA time zone; use a name such as America/New_York or Europe/London."));
        }
    }

    private static void ValidateIntervals(List<RuleProblem> problems, string field, string where, IReadOnlyList<TimeRange> intervals)
    {
        foreach (var interval in intervals)
        {
            if (!OnFiveMinuteMark(interval.Start) || !OnFiveMinuteMark(interval.End))
            {
                problems.Add(new(field, $"{where} {interval}: opening and closing times must be on 5-minute marks (9:00, 9:05, …)."));
            }
            else if (interval.EndMinute <= interval.StartMinute)
            {
                problems.Add(new(field, $"{where} {interval}: the closing time must be after the opening time (00:00 closes at midnight)."));
            }
        }

        var sorted = intervals.Where(i => i.EndMinute > i.StartMinute).OrderBy(i => i.StartMinute).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].StartMinute < sorted[i - 1].EndMinute)
            {
                problems.Add(new(field, $"{where}: {sorted[i - 1]} overlaps {sorted[i]}; merge them or make them follow each other."));
            }
        }
    }

    private void ValidateResources(List<RuleProblem> problems, List<ServiceOffering>? services)
    {
        foreach (var resource in Resources)
        {
            var name = string.IsNullOrWhiteSpace(resource.Name) ? resource.Id : resource.Name;
            if (string.IsNullOrWhiteSpace(resource.Id) || string.IsNullOrWhiteSpace(resource.Name))
            {
                problems.Add(new(nameof(Resources), "Every staff member or room needs a name."));
            }

            if (resource.Capacity < 1)
            {
                problems.Add(new(nameof(Resources), $"{name}: capacity must be at least 1."));
            }

            foreach (var serviceId in resource.ServiceIds ?? [])
            {
                if (services is not null && services.All(s => s.Id != serviceId))
                {
                    problems.Add(new(nameof(Resources), $"{name} offers a service that no longer exists ({serviceId})."));
                }
            }
        }

        foreach (var duplicate in Resources.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new(nameof(Resources), $"Two staff members or rooms share the id '{duplicate.Key}'."));
        }

        if (Resources.Count > 0)
        {
            foreach (var service in services ?? [])
            {
                if (!Resources.Any(r => r.Offers(service)))
                {
                    problems.Add(new(nameof(Resources), $"Nobody offers {service.Name}, so it can never be booked."));
                }
            }
        }
    }

    private static bool OnFiveMinuteMark(TimeOnly time) => time.Ticks % (5 * TimeSpan.TicksPerMinute) == 0;

    private static string DayName(DayOfWeek day) => day.ToString();

    internal static string DateName(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
