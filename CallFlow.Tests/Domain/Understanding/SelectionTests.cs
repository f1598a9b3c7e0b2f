using CallFlow.Domain.Calls;
using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Understanding;

public class SelectionTests
{
    private static readonly RuleBasedInterpreter Interpreter = new();

    private static SelectionMatch? Pick(string says, params string[] options) =>
        Interpreter.Interpret(Utterance.Speech(says), Choosing(options)).Selection;

    private static InterpretationContext Choosing(string[] options) =>
        Salon.Context("service") with { State = CallState.BookingAppointment, Expected = Expectation.Selection("slot", options) };

    [Theory]
    [InlineData("the afternoon one", 1)]
    [InlineData("evening please", 2)]
    [InlineData("the first", 0)]
    [InlineData("number three", 2)]
    [InlineData("two", 1)]
    public void Options_that_are_not_services_are_picked_by_name_or_position(string says, int index)
    {
        Pick(says, "Morning", "Afternoon", "Evening").ShouldBe(new SelectionMatch(index, new[] { "Morning", "Afternoon", "Evening" }[index]));
    }

    [Fact]
    public void An_offered_slot_is_picked_by_its_time_and_the_time_is_read_too()
    {
        var reading = Interpreter.Interpret(Utterance.Speech("the 2:30 one please"), Choosing(["10am", "2:30pm"]));

        reading.Selection.ShouldBe(new SelectionMatch(1, "2:30pm"));
        reading.Time?.Exact.ShouldBe(new TimeOnly(14, 30));
    }

    [Theory]
    [InlineData("Tuesday", 0)]
    [InlineData("Wednesday at 10", 1)]
    [InlineData("the one at 2", 2)]
    [InlineData("Wednesday", null)]
    public void Offered_days_and_times_are_picked_by_what_the_caller_says_of_them(string says, int? index)
    {
        string[] slots = ["Tuesday at 10am", "Wednesday at 10am", "Wednesday at 2pm"];

        int? picked = Pick(says, slots)?.Index;

        picked.ShouldBe(index);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    public void A_key_outside_the_options_picks_nothing(string key)
    {
        Interpreter.Interpret(Utterance.Keys(key), Choosing(["Morning", "Afternoon"])).Selection.ShouldBeNull();
    }

    [Fact]
    public void Two_services_at_a_service_step_pick_no_option()
    {
        var reading = Interpreter.Interpret(Utterance.Speech("a cut and color"), Salon.Context("service"));

        reading.Selection.ShouldBeNull();
        reading.ServiceCandidates.Count.ShouldBe(2);
    }

    [Fact]
    public void A_ruled_out_option_is_not_picked()
    {
        Pick("not the morning", "Morning", "Afternoon").ShouldBeNull();
    }
}
