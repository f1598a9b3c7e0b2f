using System.Globalization;

namespace CallFlow.Domain.Calendar;

/// <summary>
/// A stretch of local wall-clock time within one day (13:00–18:00), start inclusive, end exclusive.
/// An <see cref="End"/> of 00:00 means midnight at the end of the day, so 00:00–00:00 is the whole day.
/// </summary>
public sealed record TimeRange(TimeOnly Start, TimeOnly End)
{
    /// <summary>Before noon: what a caller means by "in the morning".</summary>
    public static TimeRange Morning { get; } = new(new TimeOnly(0, 0), new TimeOnly(12, 0));

    /// <summary>Noon to five.</summary>
    public static TimeRange Afternoon { get; } = new(new TimeOnly(12, 0), new TimeOnly(17, 0));

    /// <summary>Five o'clock to midnight.</summary>
    public static TimeRange Evening { get; } = new(new TimeOnly(17, 0), new TimeOnly(0, 0));

    internal int StartMinute => MinuteOf(Start);

    internal int EndMinute => End == TimeOnly.MinValue ? MinutesPerDay : MinuteOf(End);

    /// <summary>Whether a local time of day falls inside the range.</summary>
    public bool Contains(TimeOnly time) => MinuteOf(time) >= StartMinute && MinuteOf(time) < EndMinute;

    public override string ToString() => $"{Format(Start)}–{(EndMinute == MinutesPerDay ? "24:00" : Format(End))}";

    internal const int MinutesPerDay = 24 * 60;

    internal static int MinuteOf(TimeOnly time) => (int)(time.Ticks / TimeSpan.TicksPerMinute);

    internal static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    internal static string FormatMinute(int minuteOfDay) =>
        minuteOfDay >= MinutesPerDay ? "24:00" : Format(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minuteOfDay)));
}
