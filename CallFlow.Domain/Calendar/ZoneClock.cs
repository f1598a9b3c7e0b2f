namespace CallFlow.Domain.Calendar;

/// <summary>
/// Local wall-clock time ↔ instants in one IANA zone, with the calendar's daylight-saving rules:
/// a local time that does not exist (clocks jump forward) resolves to nothing, and a local time that occurs
/// twice (clocks go back) resolves to its first occurrence, as RFC 5545 §3.3.5 reads local times — the same
/// reading the iCalendar feed's TZID times get. Instants are whole minutes since the Unix epoch.
/// Never touches <see cref="TimeZoneInfo.Local"/>.
/// </summary>
internal sealed class ZoneClock(TimeZoneInfo zone)
{
    private const int MinutesPerDay = TimeRange.MinutesPerDay;
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private readonly Dictionary<DateOnly, int?> _steadyOffsets = [];

    public TimeZoneInfo Zone => zone;

    /// <summary>Whole minutes since the Unix epoch, rounded down.</summary>
    public static long EpochMinute(DateTimeOffset instant)
    {
        var minutes = Math.DivRem(instant.UtcTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerMinute, out var rest);
        return rest < 0 ? minutes - 1 : minutes;
    }

    public static DateTimeOffset Instant(long epochMinute) => DateTimeOffset.UnixEpoch.AddMinutes(epochMinute);

    /// <summary>The instant a local time names, or null when clocks skip it; a repeated time gives its first occurrence.</summary>
    public long? TryResolve(DateOnly date, int minuteOfDay)
    {
        date = date.AddDays(minuteOfDay / MinutesPerDay);
        minuteOfDay %= MinutesPerDay;
        var local = LocalMinute(date, minuteOfDay);
        if (SteadyOffset(date) is { } offset)
        {
            return local - offset;
        }

        var wallClock = new DateTime(DateTime.UnixEpoch.Ticks + local * TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock))
        {
            return null;
        }

        // The larger offset is the earlier instant: the first occurrence of a repeated hour.
        var resolved = zone.IsAmbiguousTime(wallClock) ? zone.GetAmbiguousTimeOffsets(wallClock).Max() : zone.GetUtcOffset(wallClock);
        return local - (long)resolved.TotalMinutes;
    }

    /// <summary>
    /// Like <see cref="TryResolve"/>, but a skipped local time gives the instant the clocks jumped, so an
    /// opening or closing time inside the gap still bounds the day (closing at 2:30 closes at the jump).
    /// </summary>
    public long ResolveBoundary(DateOnly date, int minuteOfDay)
    {
        for (var minute = minuteOfDay; minute < minuteOfDay + 2 * MinutesPerDay; minute++)
        {
            if (TryResolve(date, minute) is { } instant)
            {
                return instant;
            }
        }

        throw new InvalidOperationException($"{zone.Id} skips more than two days after {date}.");
    }

    public (DateOnly Date, int MinuteOfDay) ToLocal(long epochMinute)
    {
        var local = epochMinute + OffsetMinutes(epochMinute);
        var day = Math.DivRem(local, MinutesPerDay, out var minute);
        if (minute < 0)
        {
            day--;
            minute += MinutesPerDay;
        }

        return (DateOnly.FromDayNumber(EpochDayNumber + (int)day), (int)minute);
    }

    /// <summary>The instant as a local time with the offset in force then.</summary>
    public DateTimeOffset LocalTime(long epochMinute) =>
        Instant(epochMinute).ToOffset(TimeSpan.FromMinutes(OffsetMinutes(epochMinute)));

    public DateOnly Today(DateTimeOffset now) => ToLocal(EpochMinute(now)).Date;

    private int OffsetMinutes(long epochMinute) =>
        (int)zone.GetUtcOffset(new DateTime(DateTime.UnixEpoch.Ticks + epochMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc)).TotalMinutes;

    private static long LocalMinute(DateOnly date, int minuteOfDay) => (long)(date.DayNumber - EpochDayNumber) * MinutesPerDay + minuteOfDay;

    /// <summary>
    /// The offset of a day on which the clocks do not change, or null on a day they do. Every instant whose local
    /// time falls on the date lies within a day of it, so equal offsets a day before and a day after mean one
    /// offset all day (no zone changes its clocks twice within three days).
    /// </summary>
    private int? SteadyOffset(DateOnly date)
    {
        if (!_steadyOffsets.TryGetValue(date, out var offset))
        {
            var before = OffsetMinutes(LocalMinute(date, 0) - MinutesPerDay);
            var after = OffsetMinutes(LocalMinute(date, 0) + 2 * MinutesPerDay);
            offset = before == after ? before : null;
            _steadyOffsets[date] = offset;
        }

        return offset;
    }
}
