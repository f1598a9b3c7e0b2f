namespace CallFlow.Domain.Metrics;

/// <summary>
/// A range of whole days as a business lives them: the days are calendar days in the business's time zone, so a
/// call at 23:30 local time on the 3rd belongs to the 3rd whatever the date is in UTC, and a day on which the clocks
/// change is 23 or 25 hours long. Never uses the server's zone.
/// </summary>
public sealed record ReportingPeriod
{
    /// <summary>The longest period a report covers (a year, leap day included).</summary>
    public const int MaxDays = 366;

    /// <param name="from">The first day, inclusive.</param>
    /// <param name="to">The last day, inclusive.</param>
    /// <param name="zone">The business's time zone.</param>
    /// <exception cref="ArgumentException">The range is backwards or longer than <see cref="MaxDays"/>.</exception>
    public ReportingPeriod(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentException($"A period covers at most {MaxDays} days.", nameof(to));
        }

        From = from;
        To = to;
        Zone = zone;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public TimeZoneInfo Zone { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The instant the first day starts (inclusive).</summary>
    public DateTimeOffset Start => StartOf(From, Zone);

    /// <summary>The instant after the last day ends (exclusive).</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1), Zone);

    /// <summary>Every day of the period, in order.</summary>
    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, Days).Select(From.AddDays);

    /// <summary>The <paramref name="days"/> days ending today in the business's zone (today included).</summary>
    public static ReportingPeriod Last(int days, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDay(now, zone);
        return new ReportingPeriod(today.AddDays(1 - Math.Clamp(days, 1, MaxDays)), today, zone);
    }

    /// <summary>Whether an instant falls in the period.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The business's calendar day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => LocalDay(instant, Zone);

    /// <summary>The day of the week and hour (0–23) an instant falls in, on the business's clock.</summary>
    public (DayOfWeek Day, int Hour) HourOfWeek(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return (local.DayOfWeek, local.Hour);
    }

    /// <summary>
    /// The instant a local day starts: its midnight, or when the clocks jump past a midnight that does not exist
    /// (some zones change at 00:00); a midnight that happens twice starts at its first occurrence.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
