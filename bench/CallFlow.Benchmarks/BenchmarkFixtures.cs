using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;

namespace CallFlow.Benchmarks;

/// <summary>
/// What the micro-benchmarks run on, built the same way every time so runs compare: a salon like the demo one (its
/// services and synonyms, New York time, two chairs) but with a lunch break and shorter Saturdays, read at a fixed
/// moment, Wednesday 4 March 2026 at 10:00 local (the clocks change that Sunday, inside every search). Public so the
/// test suite can check that the benchmarks measure the real path.
/// </summary>
public static partial class BenchmarkFixtures
{
    public const string TimeZoneId = "America/New_York";

    public const string CallerId = "+12125550199";

    /// <summary>The local date of <see cref="Now"/>.</summary>
    public static readonly DateOnly Today = new(2026, 3, 4);

    /// <summary>Wednesday 4 March 2026, 10:00 in New York (15:00 UTC).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(-5));

    public static readonly ServiceOffering Haircut =
        new("demo-salon-haircut", "Haircut", ["trim", "cut", "hair cut", "mens cut", "womens cut", "kids cut", "fringe"], 45, 0, 5, 45m);

    public static readonly ServiceOffering Color =
        new("demo-salon-color", "Color", ["colour", "dye", "highlights", "balayage", "tint", "roots", "hair color"], 120, 0, 10, 120m);

    public static readonly ServiceOffering Styling =
        new("demo-salon-styling", "Styling", ["style", "blow dry", "blowout", "blow out", "updo", "wedding hair"], 60, 0, 5, 65m);

    public static readonly ServiceOffering Consultation =
        new("demo-salon-consultation", "Consultation", ["consult", "advice", "first visit", "free consultation"], 30);

    public static IReadOnlyList<ServiceOffering> Services { get; } = [Haircut, Color, Styling, Consultation];

    /// <summary>Monday to Friday 9–12 and 13–18, Saturday 9–12 and 13–16, closed on Sunday.</summary>
    public static IReadOnlyList<OpeningInterval> OpeningHours { get; } =
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
            .SelectMany(day => new[]
            {
                new OpeningInterval(day, new TimeOnly(9, 0), new TimeOnly(12, 0)),
                new OpeningInterval(day, new TimeOnly(13, 0), new TimeOnly(day == DayOfWeek.Saturday ? 16 : 18, 0)),
            }),
    ];

    /// <summary>The salon as the interpreter sees it (a new instance each call: its service labels are built once per instance).</summary>
    public static BusinessProfile Salon() => new()
    {
        Id = "demo-salon",
        Name = "Demo Salon",
        TimeZoneId = TimeZoneId,
        Address = "125 Bedford Avenue, Brooklyn, NY 11211",
        TransferNumber = "+12125550147",
        Services = Services,
        OpeningHours = OpeningHours,
        Faq = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["hours"] = "We're open Monday to Friday from 9 to 6 with a lunch break from 12 to 1, Saturdays until 4, closed on Sundays.",
            ["address"] = "We're at 125 Bedford Avenue in Brooklyn, near the Bedford Avenue L stop.",
            ["prices"] = "A haircut is 45 dollars, color starts at 120, styling is 65, and a consultation is free.",
            ["parking"] = "There's metered street parking on Bedford Avenue and a garage on North 7th Street.",
            ["cancellation"] = "You can cancel or reschedule free of charge up to 24 hours before your appointment.",
        },
    };

    /// <summary>
    /// The salon's calendar rules: two chairs, a slot every 15 minutes, an hour's notice, <see cref="SearchDays"/> days
    /// ahead, closed on Good Friday and Memorial Day, short hours on Easter Saturday.
    /// </summary>
    public static CalendarRules Rules() => new()
    {
        TimeZoneId = TimeZoneId,
        WeeklyHours = OpeningHours,
        DateOverrides =
        [
            DateOverride.Closed(new DateOnly(2026, 4, 3), "Good Friday"),
            DateOverride.SpecialHours(new DateOnly(2026, 4, 4), [new TimeRange(new TimeOnly(10, 0), new TimeOnly(14, 0))], "Easter Saturday"),
            DateOverride.Closed(new DateOnly(2026, 5, 25), "Memorial Day"),
        ],
        Capacity = 2,
        SlotMinutes = 15,
        MinimumNoticeMinutes = 60,
        HorizonDays = SearchDays,
    };

    /// <summary>The instant a local date and time name in the salon's zone (the fixtures use no time that clocks skip).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
