using System.Globalization;

namespace CallFlow.Web.Components.Calendar;

public enum CalendarView
{
    Day,
    Week,
    List,
}

/// <summary>
/// The stretch of local dates the appointments page shows: one day, or the Monday-to-Sunday week around a date.
/// Dates are the business's own; <see cref="UtcRange"/> turns them into instants in its time zone.
/// </summary>
public sealed record CalendarPeriod(CalendarView View, DateOnly Anchor)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public DateOnly First => View == CalendarView.Day ? Anchor : Anchor.AddDays(-(((int)Anchor.DayOfWeek + 6) % 7));

    public int Length => View == CalendarView.Day ? 1 : 7;

    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, Length).Select(First.AddDays)];

    public CalendarPeriod Previous() => this with { Anchor = Anchor.AddDays(-Length) };

    public CalendarPeriod Next() => this with { Anchor = Anchor.AddDays(Length) };

    public string Label => View switch
    {
        CalendarView.Day => Anchor.ToString("dddd d MMMM yyyy", English),
        CalendarView.Week when First.Month == First.AddDays(6).Month =>
            $"{First.Day}–{First.AddDays(6).ToString("d MMMM yyyy", English)}",
        CalendarView.Week => $"{First.ToString("d MMM", English)} – {First.AddDays(6).ToString("d MMM yyyy", English)}",
        _ => "",
    };

    /// <summary>From local midnight of the first day to local midnight after the last, as instants.</summary>
    public (DateTimeOffset From, DateTimeOffset Until) UtcRange(TimeZoneInfo zone) =>
        (Midnight(First, zone), Midnight(First.AddDays(Length), zone));

    public static string DayName(DateOnly date) => date.ToString("ddd d MMM", English);

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        // Some zones skip midnight itself on the day clocks go forward; the day then starts at the jump.
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
