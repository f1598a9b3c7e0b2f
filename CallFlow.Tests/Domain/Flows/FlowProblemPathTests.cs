using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Flows;

/// <summary>Each problem names the step and the part of it at fault, so the editor can show it beside that field.</summary>
public class FlowProblemPathTests
{
    private static readonly FlowDefinition Valid = DefaultFlows.Booking(Salon.NewYork);

    private static FlowDefinition Step(string id, Func<FlowStep, FlowStep> change) =>
        Valid with { Steps = [.. Valid.Steps.Select(s => s.Id == id ? change(s) : s)] };

    public static TheoryData<string, FlowDefinition, string?, string> Problems => new()
    {
        { "empty prompt", Step("time", s => s with { Prompt = " " }), "time", FlowPaths.Prompt },
        { "malformed id", Step("contact", s => s with { Id = "9lives" }), "9lives", FlowPaths.Id },
        { "regex that does not compile", Step("contact", s => s with { Validation = new("^(+1", "Bad number.", "customerPhone") }), "contact", FlowPaths.ValidationPattern },
        { "validation without a message", Step("contact", s => s with { Validation = new(@"^\+1", "", "customerPhone") }), "contact", FlowPaths.ValidationMessage },
        { "validation of a field the step lacks", Step("contact", s => s with { Validation = new(@"^\d", "Bad.", "date") }), "contact", FlowPaths.ValidationField },
        { "missing dependency", Step("time", s => s with { DependsOn = ["day"] }), "time", FlowPaths.DependsOn },
        { "selection without options", Step("service", s => s with { Options = [] }), "service", FlowPaths.Options },
        { "wrong input", Step("date", s => s with { Input = StepInput.Number }), "date", FlowPaths.Input },
        { "retry limit", Step("date", s => s with { MaxRetries = 11 }), "date", FlowPaths.MaxRetries },
        { "optional collector of a required field", Step("time", s => s with { Required = false }), "time", FlowPaths.Required },
        { "second confirmation", Valid with { Steps = [.. Valid.Steps, new FlowStep { Id = "ok1", Type = StepType.Confirmation, Prompt = "OK?" }, new FlowStep { Id = "ok2", Type = StepType.Confirmation, Prompt = "Sure?" }] }, "ok2", FlowPaths.Type },
        { "no name", Valid with { Name = "" }, null, FlowPaths.Name },
        { "booking field not required", Valid with { RequiredFields = ["service", "date", "time", "customerName"] }, null, FlowPaths.RequiredFields },
        { "field rule that does not compile", Valid with { ValidationRules = [new("customerName", "[a-", "Bad name.")] }, null, "ValidationRules[0].Pattern" },
        { "field rule on an unknown field", Valid with { ValidationRules = [Valid.ValidationRules[0], new("nickname", ".", "Bad.")] }, null, "ValidationRules[1].Field" },
        { "alternatives", Valid with { Rules = new FlowRules { AlternativesToOffer = 0 } }, null, FlowPaths.AlternativesToOffer },
        { "transfer after hours", Valid with { Rules = new FlowRules { WhenNobodyCanTakeTheCall = Fallback.TransferToStaff } }, null, FlowPaths.WhenNobodyCanTakeTheCall },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_problem_points_at_the_step_and_property_at_fault(string broken, FlowDefinition flow, string? stepId, string property)
    {
        var problems = FlowValidator.Validate(flow);

        problems.ShouldContain(p => p.StepId == stepId && p.Property == property, $"{broken}: {string.Join(" | ", problems.Select(p => $"{p.StepId}/{p.Property}: {p.Message}"))}");
    }
}
