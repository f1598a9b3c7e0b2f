using CallFlow.Domain.Calendar;
using CallFlow.Web.Calendar;

namespace CallFlow.Web.Components.Calendar;

/// <summary>An appointment placed in a day column: vertical position and height in percent, and its lane among overlaps.</summary>
public sealed record PlacedAppointment(Appointment Appointment, double Top, double Height, int Lane, int Lanes, DateTimeOffset LocalStart, DateTimeOffset LocalEnd);

/// <summary>A stretch of opening hours in a day column, in percent of the column.</summary>
public sealed record OpenStretch(double Top, double Height);

public sealed record CalendarDay(DateOnly Date, bool IsToday, IReadOnlyList<OpenStretch> Open, IReadOnlyList<PlacedAppointment> Appointments);

/// <summary>
/// Where the day and week views draw things: the hours shown (the opening hours of the days, widened to any
/// appointment outside them), the open stretches, and each appointment side by side with those it overlaps
/// (capacity two means two lanes). Positions are local wall-clock times in the business's zone.
/// </summary>
public sealed class CalendarLayout
{
    private const int MinutesPerDay = 24 * 60;

    private CalendarLayout(int firstHour, int lastHour, IReadOnlyList<CalendarDay> days)
    {
        FirstHour = firstHour;
        LastHour = lastHour;
        Days = days;
    }

    public int FirstHour { get; }

    /// <summary>The hour the grid ends at (exclusive).</summary>
    public int LastHour { get; }

    public IReadOnlyList<CalendarDay> Days { get; }

    public IEnumerable<int> Hours => Enumerable.Range(FirstHour, LastHour - FirstHour);

    public static CalendarLayout Build(IReadOnlyList<DateOnly> dates, IEnumerable<Appointment> appointments, CalendarRules? rules, TimeZoneInfo zone, DateOnly today)
    {
        var local = appointments
            .Select(a => (Appointment: a, Start: TimeZoneInfo.ConvertTime(a.StartUtc, zone), End: TimeZoneInfo.ConvertTime(a.EndUtc, zone)))
            .ToList();
        var spans = dates.ToDictionary(d => d, d => local
            .Select(a => (a.Appointment, a.Start, a.End, From: MinuteOn(d, a.Start), Until: MinuteOn(d, a.End)))
            .Where(a => a.Until > 0 && a.From < MinutesPerDay && a.Until > a.From)
            .OrderBy(a => a.From).ThenBy(a => a.Appointment.Id)
            .ToList());
        var hours = dates.SelectMany(d => rules?.HoursOn(d).Intervals ?? []).ToList();

        var first = Math.Min(hours.Count > 0 ? hours.Min(h => Minute(h.Start)) : 9 * 60, spans.Values.SelectMany(s => s).Select(s => s.From).DefaultIfEmpty(MinutesPerDay).Min());
        var last = Math.Max(hours.Count > 0 ? hours.Max(h => End(h)) : 18 * 60, spans.Values.SelectMany(s => s).Select(s => s.Until).DefaultIfEmpty(0).Max());
        var (firstHour, lastHour) = (first / 60, Math.Min(24, (last + 59) / 60));
        var (top, length) = (firstHour * 60, Math.Max(60, (lastHour - firstHour) * 60));
        double Percent(int minute) => Math.Clamp((minute - top) * 100.0 / length, 0, 100);

        var days = dates.Select(date =>
        {
            var open = (rules?.HoursOn(date).Intervals ?? [])
                .Select(h => new OpenStretch(Percent(Minute(h.Start)), Percent(End(h)) - Percent(Minute(h.Start))))
                .ToList();
            var placed = new List<PlacedAppointment>();
            foreach (var cluster in Clusters(spans[date].Select(s => (s.From, s.Until)).ToList()))
            {
                foreach (var (index, lane) in cluster.Lanes)
                {
                    var s = spans[date][index];
                    placed.Add(new PlacedAppointment(s.Appointment, Percent(s.From), Math.Max(Percent(s.Until) - Percent(s.From), 1.5), lane, cluster.Count, s.Start, s.End));
                }
            }

            return new CalendarDay(date, date == today, open, placed);
        }).ToList();
        return new CalendarLayout(firstHour, lastHour, days);
    }

    /// <summary>Groups of overlapping stretches (sorted by start), each stretch in the lowest lane free when it starts.</summary>
    private static IEnumerable<(int Count, List<(int Index, int Lane)> Lanes)> Clusters(List<(int From, int Until)> stretches)
    {
        var lanes = new List<(int Index, int Lane)>();
        var laneEnds = new List<int>();
        var clusterEnd = int.MinValue;
        for (var i = 0; i < stretches.Count; i++)
        {
            var (from, until) = stretches[i];
            if (from >= clusterEnd && lanes.Count > 0)
            {
                yield return (laneEnds.Count, lanes);
                (lanes, laneEnds) = ([], []);
            }

            var lane = laneEnds.FindIndex(end => end <= from);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(until);
            }
            else
            {
                laneEnds[lane] = until;
            }

            lanes.Add((i, lane));
            clusterEnd = Math.Max(lanes.Count == 1 ? int.MinValue : clusterEnd, until);
        }

        if (lanes.Count > 0)
        {
            yield return (laneEnds.Count, lanes);
        }
    }

    /// <summary>Minutes after midnight of <paramref name="date"/> (negative before it, past 1440 after it).</summary>
    private static int MinuteOn(DateOnly date, DateTimeOffset local) =>
        (DateOnly.FromDateTime(local.DateTime).DayNumber - date.DayNumber) * MinutesPerDay + local.Hour * 60 + local.Minute;

    private static int Minute(TimeOnly time) => time.Hour * 60 + time.Minute;

    private static int End(TimeRange range) => range.End == TimeOnly.MinValue ? MinutesPerDay : Minute(range.End);
}
