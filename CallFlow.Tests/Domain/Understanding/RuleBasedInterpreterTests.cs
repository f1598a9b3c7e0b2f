using CallFlow.Domain.Businesses;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Understanding;

public class RuleBasedInterpreterTests
{
    private static readonly RuleBasedInterpreter Interpreter = new();

    private static Interpretation Read(string says, string step = "open", BusinessProfile? business = null, double? confidence = null) =>
        Interpreter.Interpret(Utterance.Speech(says, confidence), Salon.Context(step, business));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", "")]
    public void Silence_is_unknown_with_no_confidence(string? text, string? digits)
    {
        var reading = Interpreter.Interpret(new Utterance(text, digits), Salon.Context("time"));

        reading.Intent.ShouldBe(Intent.Unknown);
        reading.Confidence.ShouldBe(0);
        reading.AnswersExpected.ShouldBeFalse();
    }

    [Fact]
    public void The_carrier_s_confidence_scales_the_rule_s_certainty()
    {
        var sure = Read("yes", "confirm");
        var mumbled = Read("yes", "confirm", confidence: 0.5);

        sure.Confidence.ShouldBe(0.95);
        mumbled.Confidence.ShouldBe(0.475);
        Read("purple monkey dishwasher", confidence: 0.9).Confidence.ShouldBeLessThan(mumbled.Confidence);
    }

    [Fact]
    public void Keys_are_certain_whatever_the_carrier_says_about_speech()
    {
        var reading = Interpreter.Interpret(new Utterance(null, "1", 0.1), Salon.Context("confirm"));

        reading.Intent.ShouldBe(Intent.Yes);
        reading.Confidence.ShouldBeGreaterThan(0.9);
    }

    public static TheoryData<string, Intent, string> SameWordsDifferentSteps => new()
    {
        { "time", Intent.Book, "time=15:00" },
        { "number", Intent.Book, "number=3" },
        { "service", Intent.Book, "option=Styling" },
        { "date", Intent.Book, "date=2026-04-03" },
        { "confirm", Intent.ChangeRequest, "time=15:00" },
        { "open", Intent.Unknown, "" },
        { "name", Intent.Unknown, "" },
    };

    [Theory]
    [MemberData(nameof(SameWordsDifferentSteps))]
    public void Three_means_what_the_step_asked_for(string step, Intent intent, string detail)
    {
        var reading = Read("3", step);

        reading.Intent.ShouldBe(intent);
        var found = new[]
        {
            reading.Time is { } t ? $"time={CorpusRow.Describe(t)}" : null,
            reading.Number is { } n ? $"number={n}" : null,
            reading.Selection is { } s ? $"option={s.Option}" : null,
            reading.Date is { } d ? $"date={d:yyyy-MM-dd}" : null,
        }.Where(x => x is not null);
        string.Join("; ", found).ShouldBe(detail);
    }

    [Fact]
    public void A_service_match_carries_its_score_and_the_words_that_matched()
    {
        var synonym = Read("just a trim").Service.ShouldNotBeNull();
        var name = Read("a haircut").Service.ShouldNotBeNull();
        var typo = Read("a haircutt").Service.ShouldNotBeNull();

        (synonym.Service.Name, synonym.Score, synonym.Phrase).ShouldBe(("Haircut", 0.95, "trim"));
        (name.Score, name.Phrase).ShouldBe((1.0, "Haircut"));
        typo.Score.ShouldBeInRange(ServiceMatcher.Threshold, 0.95);
    }

    [Fact]
    public void Two_services_said_together_are_candidates_but_not_a_match()
    {
        var reading = Read("a cut and color");

        reading.Service.ShouldBeNull();
        reading.ServiceCandidates.Select(c => c.Service.Name).ShouldBe(["Color", "Haircut"], ignoreOrder: true);
    }

    [Fact]
    public void An_inquiry_topic_is_the_business_s_own_FAQ_key_when_it_has_one()
    {
        var custom = Salon.NewYork with
        {
            Faq = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["opening_hours"] = "Nine to six.",
                ["wifi"] = "Ask at the desk for the password.",
                ["gift cards"] = "We sell gift cards from 25 dollars.",
            },
        };
        var noFaq = Salon.NewYork with { Faq = new Dictionary<string, string>() };

        Read("what are your hours?", business: custom).InquiryTopic.ShouldBe("opening_hours");
        Read("do you have wifi?", business: custom).Intent.ShouldBe(Intent.GeneralInquiry);
        Read("do you have wifi?", business: custom).InquiryTopic.ShouldBe("wifi");
        Read("can I buy a gift card?", business: custom).InquiryTopic.ShouldBe("gift cards");
        Read("where are you located?", business: noFaq).InquiryTopic.ShouldBe("address");
    }

    [Fact]
    public void A_negated_entity_is_reported_as_excluded_and_the_utterance_as_negated()
    {
        var reading = Read("I can't do Tuesday, how about Wednesday at 4, but not the color", "booking");

        reading.Date.ShouldBe(new DateOnly(2026, 3, 11));
        reading.ExcludedDate.ShouldBe(new DateOnly(2026, 3, 10));
        reading.ExcludedService?.Name.ShouldBe("Color");
        reading.Service.ShouldBeNull();
        reading.Time.ShouldBe(TimeRequest.At(new TimeOnly(16, 0)));
        reading.Negated.ShouldBeTrue();
        Read("Wednesday at 4", "booking").Negated.ShouldBeFalse();
    }

    [Theory]
    [InlineData("date", "Friday", true)]
    [InlineData("date", "Bye", false)]
    [InlineData("time", "after 4", true)]
    [InlineData("name", "Dana", true)]
    [InlineData("phone", "this number", true)]
    [InlineData("service", "a trim", true)]
    [InlineData("confirm", "yes", true)]
    [InlineData("confirm", "Thursday please", false)]
    [InlineData("text", "please use the side door", true)]
    [InlineData("open", "I'd like a haircut", false)]
    public void The_reading_says_whether_it_answers_the_step(string step, string says, bool answers)
    {
        Read(says, step).AnswersExpected.ShouldBe(answers);
    }

    [Fact]
    public void Every_booking_detail_can_come_in_one_breath()
    {
        var reading = Read("Hi, can I book a trim tomorrow at 3, it's Dana Smith, my number is 917 555 0123");

        reading.Intent.ShouldBe(Intent.Book);
        reading.Service?.Service.Name.ShouldBe("Haircut");
        reading.Date.ShouldBe(new DateOnly(2026, 3, 5));
        reading.Time?.Exact.ShouldBe(new TimeOnly(15, 0));
        reading.Name.ShouldBe(new PersonName("Dana", "Smith"));
        reading.Phone?.E164.ShouldBe("+19175550123");
    }

    [Fact]
    public void A_reading_survives_a_round_trip_through_json_for_the_turn_log()
    {
        var reading = Read("a trim next Friday after 4, it's Dana Smith, same number I'm calling from, not the color");

        var json = System.Text.Json.JsonSerializer.Serialize(reading);
        var back = System.Text.Json.JsonSerializer.Deserialize<Interpretation>(json);

        back.ShouldNotBeNull();
        (back.Intent, back.Date, back.Time, back.Name, back.Phone, back.ExcludedService?.Name, back.Service?.Service.Name)
            .ShouldBe((reading.Intent, reading.Date, reading.Time, reading.Name, reading.Phone, "Color", "Haircut"));
    }

    [Fact]
    public void A_time_request_says_which_slot_starts_satisfy_it()
    {
        var afterFour = Read("after 4", "time").Time.ShouldNotBeNull();
        var morning = Read("first thing in the morning", "time").Time.ShouldNotBeNull();

        afterFour.Allows(new TimeOnly(16, 0)).ShouldBeTrue();
        afterFour.Allows(new TimeOnly(15, 45)).ShouldBeFalse();
        morning.Kind.ShouldBe(TimeRequestKind.Earliest);
        morning.Allows(new TimeOnly(9, 0)).ShouldBeTrue();
        morning.Allows(new TimeOnly(12, 0)).ShouldBeFalse();
        TimeRequest.At(new TimeOnly(15, 0)).Allows(new TimeOnly(15, 15)).ShouldBeFalse();
    }

    [Fact]
    public void The_interpreter_gives_the_same_reading_every_time()
    {
        var context = Salon.Context("open");
        var utterance = Utterance.Speech("actually next Friday at quarter to five for highlights, not the 13th");

        var first = Interpreter.Interpret(utterance, context);
        var again = new RuleBasedInterpreter().Interpret(utterance, context);

        again.ShouldBeEquivalentTo(first);
    }
}
