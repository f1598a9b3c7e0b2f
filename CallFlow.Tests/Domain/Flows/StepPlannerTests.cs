using CallFlow.Domain.Flows;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Flows;

public class StepPlannerTests
{
    private static readonly CompiledFlow Flow = FlowValidator.Compile(DefaultFlows.Booking(Salon.NewYork)).Flow!;

    public static TheoryData<string, string?> Cases => new()
    {
        { "", "service" },
        { "service", "date" },
        { "service date", "time" },
        { "date time", "service" },
        { "customerName", "service" },
        { "service date time customerName", "contact" },
        { "service date time customerPhone", "contact" },
        { "service date time customerName customerPhone", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_next_step_is_the_first_incomplete_one_whose_dependencies_are_complete(string known, string? next)
    {
        var collected = known.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(f => f, _ => "x");

        StepPlanner.Next(Flow, collected, []).ShouldBe(next is null ? null : Flow.Step(next));
    }

    [Fact]
    public void A_skipped_optional_step_counts_as_complete()
    {
        var definition = DefaultFlows.Booking(Salon.NewYork);
        var flow = FlowValidator.Compile(definition with
        {
            Steps = [.. definition.Steps, new FlowStep { Id = "notes", Prompt = "Any notes?", Required = false, DependsOn = ["contact"], Fields = ["notes"] }],
        }).Flow!;
        var collected = new Dictionary<string, string> { ["service"] = "x", ["date"] = "x", ["time"] = "x", ["customerName"] = "x", ["customerPhone"] = "x" };

        StepPlanner.Next(flow, collected, [])!.Id.ShouldBe("notes");
        StepPlanner.Next(flow, collected, ["notes"]).ShouldBeNull();
    }
}
