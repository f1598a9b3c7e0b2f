using CallFlow.Domain.Flows;
using CallFlow.Domain.Understanding;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Flows;

public class DefaultFlowsTests
{
    [Fact]
    public void The_seed_flow_has_four_steps_each_depending_on_the_one_before()
    {
        var flow = DefaultFlows.Booking(Salon.NewYork);

        flow.Steps.Select(s => (s.Id, s.Type, s.Input, string.Join("+", s.Fields), string.Join(",", s.DependsOn))).ShouldBe([
            ("service", StepType.ServiceSelection, StepInput.Selection, "service", ""),
            ("date", StepType.InformationCollection, StepInput.Date, "date", "service"),
            ("time", StepType.TimeSelection, StepInput.Time, "time", "date"),
            ("contact", StepType.InformationCollection, StepInput.Text, "customerName+customerPhone", "time"),
        ]);
        flow.Steps[0].Options.ShouldBe(["Haircut", "Color", "Styling", "Consultation"]);
        flow.RequiredFields.ShouldBe(["service", "date", "time", "customerName", "customerPhone"]);
        flow.Steps.ShouldAllBe(s => s.MaxRetries == 3 && s.Required);
    }

    [Theory]
    [InlineData("+19175550123", true)]
    [InlineData("+442071234567", true)]
    [InlineData("9175550123", false)]
    [InlineData("+1", false)]
    public void The_contact_step_checks_the_phone_is_in_E164(string phone, bool valid)
    {
        var flow = FlowValidator.Compile(DefaultFlows.Booking(Salon.NewYork)).Flow!;

        (flow.Check(BookingFields.CustomerPhone, phone) is null).ShouldBe(valid);
    }

    [Theory]
    [InlineData("Dana Smith", true)]
    [InlineData("Zoë O'Brien-Núñez", true)]
    [InlineData("Dr. Ana", true)]
    [InlineData("12345", false)]
    [InlineData("<script>", false)]
    public void Names_are_letters_with_the_usual_punctuation(string name, bool valid)
    {
        var flow = FlowValidator.Compile(DefaultFlows.Booking(Salon.NewYork)).Flow!;

        (flow.Check(BookingFields.CustomerName, name) is null).ShouldBe(valid);
    }

    [Fact]
    public void A_business_without_services_gets_a_flow_that_is_refused()
    {
        var flow = DefaultFlows.Booking(Salon.NewYork with { Services = [] });

        FlowValidator.Validate(flow).ShouldContain(p => p.StepId == "service");
    }
}
