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

/// <summary>Capacity, staff or rooms, and the limits on when callers can book.</summary>
public sealed class BookingRulesForm
{
    public const int MaxResources = 50;

    [Range(1, 100, ErrorMessage = "Capacity is how many appointments can run at once: 1 to 100.")]
    public int Capacity { get; set; } = 1;

    [Range(5, 240, ErrorMessage = "Slots start every 5 to 240 minutes.")]
    public int SlotMinutes { get; set; } = 15;

    [Range(0, 43200, ErrorMessage = "The notice is 0 minutes to 30 days (43200 minutes).")]
    public int MinimumNoticeMinutes { get; set; }

    [Range(1, CalendarRules.MaxHorizonDays, ErrorMessage = "Callers can book 1 to 730 days ahead.")]
    public int HorizonDays { get; set; } = 60;

    [Range(1, 1000, ErrorMessage = "The daily limit is 1 to 1000 appointments; leave it empty for no limit.")]
    public int? DailyLimit { get; set; }

    public List<ResourceForm> Resources { get; set; } = [];

    public static BookingRulesForm From(Business business) => new()
    {
        Capacity = business.Capacity,
        SlotMinutes = business.SlotMinutes,
        MinimumNoticeMinutes = business.MinimumNoticeMinutes,
        HorizonDays = business.HorizonDays,
        DailyLimit = business.DailyLimit,
        Resources = [.. business.Resources.Select(ResourceForm.From)],
    };
}

/// <summary>A staff member or room with its own capacity and the services it offers (none ticked: all of them).</summary>
public sealed class ResourceForm
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString("N");

    [Required(ErrorMessage = "Name the staff member or room.")]
    [StringLength(60, ErrorMessage = "Keep the name under 60 characters.")]
    public string? Name { get; set; }

    [Range(1, 50, ErrorMessage = "1 to 50 appointments at once.")]
    public int Capacity { get; set; } = 1;

    public IReadOnlyCollection<string> ServiceIds { get; set; } = [];

    public static ResourceForm From(CalendarResource resource) => new()
    {
        Id = resource.Id,
        Name = resource.Name,
        Capacity = resource.Capacity,
        ServiceIds = [.. resource.ServiceIds ?? []],
    };
}
