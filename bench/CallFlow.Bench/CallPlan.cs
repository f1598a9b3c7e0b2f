using System.Globalization;

namespace CallFlow.Bench;

/// <summary>
/// What one simulated caller wants: a service at a local date and time at one salon, the time they will correct it
/// to at the read-back, and the questions they ask first. Plans are drawn from a seeded random source, so two runs
/// ask for the same appointments.
/// </summary>
public sealed record CallPlan(
    int Index, string From, string To, string Name, string Service, DateOnly Date, TimeOnly Time, TimeOnly CorrectedTime, IReadOnlyList<string> Questions)
{
    private static readonly string[] Areas = ["212", "646", "917", "718", "347", "929"];
    private static readonly string[] FirstNames = ["Dana", "Ana", "Maria", "James", "Priya", "Tom", "Lena", "Omar", "Sofia", "Noah", "Grace", "Luis"];
    private static readonly string[] LastNames = ["Smith", "Lopez", "Chen", "Patel", "Brown", "Garcia", "Kim", "Novak", "Rossi", "Okafor", "Weber", "Silva"];
    private static readonly string[] Services = ["haircut", "trim", "color", "blow dry", "consultation", "styling"];
    private static readonly string[] Faq = ["What are your opening hours?", "Where are you located?", "Is there parking nearby?", "How much is a haircut?"];

    /// <summary>The caller's number: unique for the first 60,000 calls of a run.</summary>
    public static string CallerNumber(int index) => $"+1{Areas[index % Areas.Length]}555{index / Areas.Length % 10000:D4}";

    /// <summary>
    /// Draws call <paramref name="index"/>: one of <paramref name="numbers"/> (round robin), a date among
    /// <paramref name="dates"/>, a time between 9:00 and 16:30. One call in ten asks for the salon's "hot" slot (the first
    /// date at 11:00) so that callers compete for the same slot at the same time. <paramref name="questions"/> FAQ
    /// questions come first.
    /// </summary>
    public static CallPlan Draw(int index, IReadOnlyList<string> numbers, IReadOnlyList<DateOnly> dates, int questions, int seed)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var hot = random.Next(10) == 0;
        var date = hot ? dates[0] : dates[random.Next(dates.Count)];
        var time = hot ? new TimeOnly(11, 0) : new TimeOnly(9, 0).AddMinutes(30 * random.Next(16));
        var corrected = time.AddMinutes(30 * (random.Next(2) == 0 ? -1 : 1) * (1 + random.Next(2)));
        if (corrected < new TimeOnly(9, 0) || corrected > new TimeOnly(16, 30))
        {
            corrected = time.AddMinutes(corrected < new TimeOnly(9, 0) ? 90 : -90);
        }

        return new CallPlan(
            index,
            CallerNumber(index),
            numbers[index % numbers.Count],
            $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
            Services[random.Next(Services.Length)],
            date,
            time,
            corrected,
            [.. Enumerable.Range(0, questions).Select(q => Faq[(index + q) % Faq.Length])]);
    }

    /// <summary>Open days of the demo salon (Monday to Saturday) from tomorrow on, in New York.</summary>
    public static IReadOnlyList<DateOnly> OpenDays(int count, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = new List<DateOnly>(count);
        while (days.Count < count)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek != DayOfWeek.Sunday)
            {
                days.Add(day);
            }
        }

        return days;
    }

    public string Request => $"I'd like to book a {Service} on {Spoken(Date)} at {Spoken(Time)}";

    public string Correction => $"no, make it {Spoken(CorrectedTime)}";

    public string Contact => $"It's {Name}, my number is {SpokenNumber(From)}";

    public static string Spoken(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:dddd} {date:MMMM} {date.Day}{Suffix(date.Day)}");

    public static string Spoken(TimeOnly time) => string.Create(CultureInfo.InvariantCulture,
        $"{(time.Hour % 12 == 0 ? 12 : time.Hour % 12)}{(time.Minute == 0 ? "" : $":{time.Minute:D2}")} {(time.Hour < 12 ? "am" : "pm")}");

    private static string SpokenNumber(string e164) => $"{e164[2..5]} {e164[5..8]} {e164[8..]}";

    private static string Suffix(int day) => day is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
}
