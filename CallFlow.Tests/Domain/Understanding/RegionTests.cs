using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Understanding;

/// <summary>Phone numbers and numeric dates are read the way the business's country writes them.</summary>
public class RegionTests
{
    private static readonly RuleBasedInterpreter Interpreter = new();

    public static TheoryData<string, string, string> Phones => new()
    {
        { "America/New_York", "212 555 0147", "+12125550147" },
        { "America/Chicago", "312 555 0199", "+13125550199" },
        { "Europe/London", "020 7946 0018", "+442079460018" },
        { "Europe/London", "oh two oh, seven nine four six, double oh one eight", "+442079460018" },
        { "Asia/Tokyo", "03-1234-5678", "+81312345678" },
        { "America/New_York", "plus forty four twenty seventy nine four six double oh one eight", "+442079460018" },
    };

    [Theory]
    [MemberData(nameof(Phones))]
    public void A_spoken_number_is_normalised_to_E164_in_the_business_s_country(string zone, string says, string expected)
    {
        var reading = Interpreter.Interpret(Utterance.Speech(says), Salon.Context("phone", Salon.Create(zone)));

        reading.Phone.ShouldNotBeNull();
        reading.Phone.IsValid.ShouldBeTrue();
        reading.Phone.E164.ShouldBe(expected);
    }

    [Fact]
    public void An_invalid_number_is_reported_with_its_digits_and_no_E164()
    {
        var reading = Interpreter.Interpret(Utterance.Speech("my number is five five five one two three four"), Salon.Context("phone"));

        reading.Phone.ShouldBe(new PhoneNumberEntity("5551234", null, false));
        reading.AnswersExpected.ShouldBeTrue();
    }

    [Fact]
    public void The_same_number_i_am_calling_from_is_the_caller_id_and_a_withheld_caller_id_is_reported_as_unusable()
    {
        var withheld = Salon.Context("phone") with { CallerId = null };

        Interpreter.Interpret(Utterance.Speech("same number I'm calling from"), Salon.Context("phone")).Phone
            .ShouldBe(new PhoneNumberEntity(Salon.CallerId, Salon.CallerId, true, IsCallerId: true));
        Interpreter.Interpret(Utterance.Speech("same number I'm calling from"), withheld).Phone
            .ShouldBe(new PhoneNumberEntity("", null, false, IsCallerId: true));
    }

    [Theory]
    [InlineData("America/New_York", "5/3", "2026-05-03")]
    [InlineData("Europe/London", "5/3", "2026-03-05")]
    [InlineData("Europe/London", "3/14", "2026-03-14")]
    [InlineData("Asia/Tokyo", "25/12", "2026-12-25")]
    public void Numeric_dates_are_month_first_in_the_US_and_day_first_elsewhere_unless_only_one_reading_is_a_date(string zone, string says, string expected)
    {
        var reading = Interpreter.Interpret(Utterance.Speech(says), Salon.Context("date", Salon.Create(zone)));

        reading.Date.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
