using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Understanding;

/// <summary>
/// The demo salon as the Domain sees it (same services, synonyms, hours and FAQ keys as the Web's DemoBusiness), and
/// the fixed moment the corpus is read at: Wednesday 4 March 2026, 10:00 in the business's own zone.
/// </summary>
internal static class Salon
{
    public const string CallerId = "+12125550199";

    public static readonly DateTime LocalNow = new(2026, 3, 4, 10, 0, 0);

    public static readonly BusinessProfile NewYork = Create("America/New_York");

    public static readonly IReadOnlyList<string> ServiceOptions = ["Haircut", "Color", "Styling", "Consultation"];

    public static BusinessProfile Create(string timeZoneId) => new()
    {
        Id = "demo-salon",
        Name = "Demo Salon",
        TimeZoneId = timeZoneId,
        Address = "125 Bedford Avenue, Brooklyn, NY 11211",
        TransferNumber = "+12125550147",
        Services =
        [
            new("demo-salon-haircut", "Haircut", ["trim", "cut", "hair cut", "mens cut", "womens cut", "kids cut", "fringe"], 45, 0, 5, 45m),
            new("demo-salon-color", "Color", ["colour", "dye", "highlights", "balayage", "tint", "roots", "hair color"], 120, 0, 10, 120m),
            new("demo-salon-styling", "Styling", ["style", "blow dry", "blowout", "blow out", "updo", "wedding hair"], 60, 0, 5, 65m),
            new("demo-salon-consultation", "Consultation", ["consult", "advice", "first visit", "free consultation"], 30),
        ],
        OpeningHours =
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
                .Select(day => new OpeningInterval(day, new TimeOnly(9, 0), new TimeOnly(18, 0))),
        ],
        Faq = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["hours"] = "We're open Monday to Saturday from 9 in the morning to 6 in the evening, and closed on Sundays.",
            ["address"] = "We're at 125 Bedford Avenue in Brooklyn, near the Bedford Avenue L stop.",
            ["prices"] = "A haircut is 45 dollars, color starts at 120, styling is 65, and a consultation is free.",
            ["parking"] = "There's metered street parking on Bedford Avenue and a garage on North 7th Street.",
            ["cancellation"] = "You can cancel or reschedule free of charge up to 24 hours before your appointment.",
        },
    };

    /// <summary>The instant at which it is <paramref name="local"/> on the business's wall clock.</summary>
    public static DateTimeOffset At(BusinessProfile business, DateTime local) =>
        new(local, business.TimeZone.GetUtcOffset(local));

    /// <summary>The context for a corpus step name (open, booking, confirm, yes/no, service, date, time, name, phone, number, text).</summary>
    public static InterpretationContext Context(string step, BusinessProfile? business = null, DateTimeOffset? now = null)
    {
        business ??= NewYork;
        var (state, expected) = step switch
        {
            "open" => (CallState.InConversation, Expectation.Any),
            "booking" => (CallState.CollectingInfo, Expectation.Any),
            "confirm" => (CallState.ConfirmingDetails, Expectation.YesNo("confirmation")),
            "yes/no" => (CallState.InConversation, Expectation.YesNo()),
            "service" => (CallState.CollectingInfo, Expectation.Selection("service", ServiceOptions)),
            "date" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Date, "date")),
            "time" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Time, "time")),
            "name" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Name, "customerName")),
            "phone" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Phone, "customerPhone")),
            "number" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Number, "partySize")),
            "text" => (CallState.CollectingInfo, new Expectation(ExpectedInput.Text, "notes")),
            _ => throw new ArgumentException($"Unknown corpus step '{step}'.", nameof(step)),
        };
        return new InterpretationContext
        {
            Business = business,
            Now = now ?? At(business, LocalNow),
            CallerId = CallerId,
            State = state,
            Expected = expected,
        };
    }
}
