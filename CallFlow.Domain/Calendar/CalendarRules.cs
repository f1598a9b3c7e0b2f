namespace CallFlow.Domain.Calendar;

/// <summary>
/// Everything an owner decides about when appointments can be booked. Times of day are local wall-clock
/// times in <see cref="TimeZoneId"/>; nothing here depends on the server's time zone. Check an edited copy
/// with <see cref="Validate"/> before saving it; the calculator refuses rules that do not validate.
/// </summary>
public sealed partial record CalendarRules
{
    /// <summary>IANA time zone id (America/New_York) in which hours, dates and overrides are read.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>Opening hours per weekday; several intervals per day make breaks (9–12 and 13–18).</summary>
    public IReadOnlyList<OpeningInterval> WeeklyHours { get; init; } = [];

    /// <summary>Closed days and special hours for single dates; they replace that day's weekly hours.</summary>
    public IReadOnlyList<DateOverride> DateOverrides { get; init; } = [];

    /// <summary>How many appointments may overlap business-wide (chairs, rooms).</summary>
    public int Capacity { get; init; } = 1;

    /// <summary>Optional staff members or rooms, each with its own capacity; empty means business-wide capacity only.</summary>
    public IReadOnlyList<CalendarResource> Resources { get; init; } = [];

    /// <summary>Slots start every this many minutes, counted from each opening time (9:00, 9:15, …).</summary>
    public int SlotMinutes { get; init; } = 15;

    /// <summary>How long before its start a slot stops being offered.</summary>
    public int MinimumNoticeMinutes { get; init; } = 60;

    /// <summary>How many days ahead callers can book: the last bookable local date is today plus this.</summary>
    public int HorizonDays { get; init; } = 60;

    /// <summary>At most this many appointments start on one local date (held slots count); null means no limit.</summary>
    public int? DailyLimit { get; init; }

    /// <summary>The opening hours of one local date, with the override that set them if any.</summary>
    public DayHours HoursOn(DateOnly date) => WeeklySchedule.From(this).HoursOn(date);
}

/// <summary>The opening hours of one date, sorted; <see cref="Override"/> is set when a date override decided them.</summary>
public sealed record DayHours(DateOnly Date, IReadOnlyList<TimeRange> Intervals, DateOverride? Override)
{
    public bool IsClosed => Intervals.Count == 0;
}
