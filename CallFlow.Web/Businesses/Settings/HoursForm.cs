using System.ComponentModel.DataAnnotations;
using CallFlow.Domain.Calendar;

namespace CallFlow.Web.Businesses.Settings;

/// <summary>Weekly opening hours (several intervals a day; none is a closed day) and date overrides.</summary>
public sealed class HoursForm
{
    public const int MaxIntervalsPerDay = 6;
    public const int MaxOverrides = 200;

    /// <summary>Monday to Sunday.</summary>
    public List<WeekdayForm> Days { get; set; } = [];

    public List<DateOverrideForm> Overrides { get; set; } = [];

    public static HoursForm From(Business business) => new()
    {
        Days =
        [
            .. Week.Select(day => new WeekdayForm
            {
                Day = day,
                Intervals = [.. business.OpeningHours.Where(i => i.Day == day).OrderBy(i => i.Opens).Select(i => IntervalForm.Of(i.Opens, i.Closes))],
            }),
        ],
        Overrides = [.. business.DateOverrides.OrderBy(o => o.Date).Select(DateOverrideForm.From)],
    };

    /// <summary>The week as owners read it, from Monday.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}

/// <summary>One weekday's opening intervals.</summary>
public sealed class WeekdayForm
{
    public DayOfWeek Day { get; set; }

    public List<IntervalForm> Intervals { get; set; } = [];

    public bool IsOpen => Intervals.Count > 0;
}

/// <summary>One opening interval as typed in two time inputs (09:00–12:00; a closing time of 00:00 is midnight).</summary>
public sealed class IntervalForm
{
    [Required(ErrorMessage = "Enter the opening time.")]
    public string? Opens { get; set; }

    [Required(ErrorMessage = "Enter the closing time.")]
    public string? Closes { get; set; }

    public static IntervalForm Of(TimeOnly opens, TimeOnly closes) => new() { Opens = FormChecks.Format(opens), Closes = FormChecks.Format(closes) };
}

/// <summary>A single date that is closed or has special hours, with the owner's note ("Christmas").</summary>
public sealed class DateOverrideForm
{
    [Required(ErrorMessage = "Choose the date.")]
    public string? Date { get; set; }

    public bool Closed { get; set; } = true;

    public List<IntervalForm> Intervals { get; set; } = [];

    [StringLength(200, ErrorMessage = "Keep the note under 200 characters.")]
    public string? Note { get; set; }

    public static DateOverrideForm From(DateOverride dateOverride) => new()
    {
        Date = FormChecks.Format(dateOverride.Date),
        Closed = dateOverride.IsClosed,
        Intervals = [.. dateOverride.Hours.Select(h => IntervalForm.Of(h.Start, h.End))],
        Note = dateOverride.Note,
    };
}
