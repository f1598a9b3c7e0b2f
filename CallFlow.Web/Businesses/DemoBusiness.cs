using CallFlow.Domain.Calendar;

namespace CallFlow.Web.Businesses;

/// <summary>A hair salon in New York, open Monday to Saturday 9:00–18:00, with the seed's four services.</summary>
public static class DemoBusiness
{
    public const string Id = "demo-salon";
    public const string DefaultPhoneNumber = "+15005550006";

    public static Business Create(DemoOptions options, DateTimeOffset now)
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday };
        var business = new Business
        {
            Id = Id,
            Name = "Demo Salon",
            PhoneNumber = options.PhoneNumber,
            TimeZoneId = "America/New_York",
            Greeting = "Thanks for calling Demo Salon! I can book an appointment or answer questions. How can I help you today?",
            Voice = "Polly.Joanna",
            FallbackVoice = "alice",
            Language = "en-US",
            TransferNumber = "+12125550147",
            Address = "125 Bedford Avenue, Brooklyn, NY 11211",
            CalendarFeedToken = options.CalendarFeedToken,
            OpeningHours = [.. weekdays.Select(day => new OpeningInterval(day, new TimeOnly(9, 0), new TimeOnly(18, 0)))],
            Faq = new(StringComparer.OrdinalIgnoreCase)
            {
                ["hours"] = "We're open Monday to Saturday from 9 in the morning to 6 in the evening, and closed on Sundays.",
                ["address"] = "We're at 125 Bedford Avenue in Brooklyn, near the Bedford Avenue L stop.",
                ["prices"] = "A haircut is 45 dollars, color starts at 120, styling is 65, and a consultation is free.",
                ["parking"] = "There's metered street parking on Bedford Avenue and a garage on North 7th Street.",
                ["cancellation"] = "You can cancel or reschedule free of charge up to 24 hours before your appointment.",
            },
            Capacity = 2,
            SlotMinutes = 15,
            MinimumNoticeMinutes = 60,
            HorizonDays = 60,
            CreatedAt = now,
        };

        business.Services =
        [
            Service(business, 0, "Haircut", 45, 45m, after: 5, "trim", "cut", "hair cut", "mens cut", "womens cut", "kids cut", "fringe"),
            Service(business, 1, "Color", 120, 120m, after: 10, "colour", "dye", "highlights", "balayage", "tint", "roots", "hair color"),
            Service(business, 2, "Styling", 60, 65m, after: 5, "style", "blow dry", "blowout", "blow out", "updo", "wedding hair"),
            Service(business, 3, "Consultation", 30, 0m, after: 0, "consult", "advice", "first visit", "free consultation"),
        ];
        return business;
    }

    private static Service Service(Business business, int order, string name, int minutes, decimal price, int after, params string[] synonyms) => new()
    {
        Id = $"{business.Id}-{name.ToLowerInvariant()}",
        BusinessId = business.Id,
        Name = name,
        DurationMinutes = minutes,
        BufferAfterMinutes = after,
        Price = price,
        Synonyms = [.. synonyms],
        SortOrder = order,
    };
}
