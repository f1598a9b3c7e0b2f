using System.Globalization;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;

namespace CallFlow.Tests.Domain.Calendar;

/// <summary>
/// The test calendar: a New York salon open Monday to Saturday 9–12 and 13–18, one chair, a slot every 15
/// minutes, an hour's notice, 60 days ahead; and a night clinic open 00:00–05:00 for the clock-change days.
/// Times are written the way an owner reads them ("15:00"), in the business's zone.
/// </summary>
internal static class Salon
{
    public const string NewYork = "America/New_York";
    public const string London = "Europe/London";

    /// <summary>Monday 1 June 2026, 08:00 in New York: a week before <see cref="Tuesday"/>.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-01T08:00:00-04:00", CultureInfo.InvariantCulture);

    public static readonly DateOnly Tuesday = new(2026, 6, 9);
    public static readonly DateOnly Wednesday = new(2026, 6, 10);
    public static readonly DateOnly Sunday = new(2026, 6, 7);

    public static readonly ServiceOffering Haircut = new("haircut", "Haircut", [], 45, BufferAfterMinutes: 5);
    public static readonly ServiceOffering Color = new("color", "Color", [], 120, BufferBeforeMinutes: 10, BufferAfterMinutes: 10);
    public static readonly ServiceOffering Consultation = new("consultation", "Consultation", [], 30, BufferBeforeMinutes: 15);
    public static readonly ServiceOffering NightVisit = new("night-visit", "Night visit", [], 60);

    public static CalendarRules Rules(string zone = NewYork) => new()
    {
        TimeZoneId = zone,
        WeeklyHours =
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
                .SelectMany(day => new[] { new OpeningInterval(day, T("09:00"), T("12:00")), new OpeningInterval(day, T("13:00"), T("18:00")) }),
        ],
        Capacity = 1,
        SlotMinutes = 15,
        MinimumNoticeMinutes = 60,
        HorizonDays = 60,
    };

    /// <summary>A clinic open every night 00:00–05:00, a visit every 30 minutes, no notice: the hours clocks change in.</summary>
    public static CalendarRules NightClinic(string zone) => new()
    {
        TimeZoneId = zone,
        WeeklyHours = [.. Enum.GetValues<DayOfWeek>().Select(day => new OpeningInterval(day, T("00:00"), T("05:00")))],
        SlotMinutes = 30,
        MinimumNoticeMinutes = 0,
        HorizonDays = 365,
    };

    public static readonly DateTimeOffset NightClinicNow = DateTimeOffset.Parse("2026-01-01T12:00:00Z", CultureInfo.InvariantCulture);

    public static TimeOnly T(string time) => TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant a local time names in a zone (unambiguous times only; spell DST edges as offsets instead).</summary>
    public static DateTimeOffset At(DateOnly date, string time, string zone = NewYork)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = date.ToDateTime(T(time), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }

    public static DateTimeOffset Instant(string isoWithOffset) => DateTimeOffset.Parse(isoWithOffset, CultureInfo.InvariantCulture);

    public static BookedAppointment Booking(ServiceOffering service, DateOnly date, string time, string? resourceId = null) =>
        BookedAppointment.For(service, At(date, time), resourceId);

    public static SlotHold Hold(string callId, ServiceOffering service, DateOnly date, string time, DateTimeOffset expiresAt) =>
        new(callId, At(date, time), At(date, time).AddMinutes(service.DurationMinutes), expiresAt, service.BufferBeforeMinutes, service.BufferAfterMinutes);

    /// <summary>Slot start times as the owner reads them: "09:00 09:15 …".</summary>
    public static string Times(IEnumerable<AvailableSlot> slots) =>
        string.Join(" ", slots.Select(s => s.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)));

    /// <summary>Expands "09:00..11:15 13:00" into every start <paramref name="step"/> minutes apart.</summary>
    public static string Expand(string spec, int step) => string.Join(" ", spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(part =>
    {
        var bounds = part.Split("..");
        var (first, last) = (T(bounds[0]), T(bounds[^1]));
        var times = new List<string>();
        for (var time = first; time <= last && times.Count < 24 * 60; time = time.AddMinutes(step))
        {
            times.Add(time.ToString("HH:mm", CultureInfo.InvariantCulture));
            if (time.AddMinutes(step) < time)
            {
                break;
            }
        }

        return times;
    }));
}
