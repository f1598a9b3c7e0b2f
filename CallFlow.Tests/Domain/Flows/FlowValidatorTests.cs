using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Flows;

public class FlowValidatorTests
{
    private static readonly FlowDefinition Valid = DefaultFlows.Booking(Salon.NewYork);

    private static FlowDefinition Step(string id, Func<FlowStep, FlowStep> change) =>
        Valid with { Steps = [.. Valid.Steps.Select(s => s.Id == id ? change(s) : s)] };

    /// <summary>One broken flow per row, and words the owner should find in the reason.</summary>
    public static TheoryData<string, FlowDefinition, string> BrokenFlows => new()
    {
        { "no steps", Valid with { Steps = [] }, "has no steps" },
        { "unknown type", Valid with { Type = "survey" }, "Unknown flow type 'survey'" },
        { "no name", Valid with { Name = " " }, "needs a name" },
        { "duplicate ids", Step("date", s => s with { Id = "service", DependsOn = [] }), "Two steps have the id 'service'" },
        { "malformed id", Step("date", s => s with { Id = "the date!" }), "needs an id" },
        { "empty prompt", Step("time", s => s with { Prompt = "" }), "Step 'time' has no prompt" },
        { "missing dependency", Step("time", s => s with { DependsOn = ["day"] }), "depends on 'day', which is not a step" },
        { "self dependency", Step("time", s => s with { DependsOn = ["time"] }), "Step 'time' depends on itself" },
        { "cycle", Step("service", s => s with { DependsOn = ["contact"] }), "depend on each other in a circle" },
        { "required field not collected", Valid with { RequiredFields = [.. Valid.RequiredFields, "partySize"] }, "partySize is not collected by any step" },
        { "booking field not required", Valid with { RequiredFields = ["service", "date", "time", "customerName"] }, "must require customerPhone" },
        { "required field only in an optional step", Step("time", s => s with { Required = false }), "collected only by an optional step" },
        { "field collected twice", Step("time", s => s with { Fields = ["time", "date"], Input = StepInput.Text }), "date is collected by more than one step" },
        { "selection without options", Step("service", s => s with { Options = [] }), "has no options" },
        { "regex that does not compile", Step("contact", s => s with { Validation = new("^(+1", "Bad number.", "customerPhone") }), "does not compile" },
        { "validation without a message", Step("contact", s => s with { Validation = new(@"^\+1", " ", "customerPhone") }), "has no message" },
        { "validation of a field the step lacks", Step("contact", s => s with { Validation = new(@"^\d", "Bad.", "date") }), "checks 'date', which the step does not collect" },
        { "flow rule that does not compile", Valid with { ValidationRules = [new("customerName", "[a-", "Bad name.")] }, "does not compile" },
        { "flow rule on an unknown field", Valid with { ValidationRules = [new("nickname", ".", "Bad.")] }, "checks nickname, which no step collects" },
        { "wrong input for a booking field", Step("date", s => s with { Input = StepInput.Number }), "needs the date input, not number" },
        { "several fields without text input", Step("contact", s => s with { Input = StepInput.Number }), "input must be text" },
        { "service step collecting something else", Step("service", s => s with { Type = StepType.ServiceSelection, Fields = ["notes"], Input = StepInput.Selection }), "does not collect service" },
        { "confirmation collecting a field", Valid with { Steps = [.. Valid.Steps, new FlowStep { Id = "confirm", Type = StepType.Confirmation, Prompt = "OK?", Fields = ["notes"] }] }, "is the confirmation and cannot collect fields" },
        { "step collecting nothing", Valid with { Steps = [.. Valid.Steps, new FlowStep { Id = "notes", Prompt = "Anything else?" }] }, "collects no field" },
        { "retry limit out of range", Step("date", s => s with { MaxRetries = 0 }), "allows 0 retries" },
        { "too many alternatives", Valid with { Rules = new FlowRules { AlternativesToOffer = 9 } }, "between 1 and 5 alternatives" },
        { "confidence of one", Valid with { Rules = new FlowRules { MinimumConfidence = 1 } }, "minimum confidence" },
        { "transfer as the after-hours fallback", Valid with { Rules = new FlowRules { WhenNobodyCanTakeTheCall = Fallback.TransferToStaff } }, "not transfer" },
    };

    [Theory]
    [MemberData(nameof(BrokenFlows))]
    public void A_broken_flow_is_refused_with_a_reason(string broken, FlowDefinition flow, string reason)
    {
        var compilation = FlowValidator.Compile(flow);

        compilation.IsValid.ShouldBeFalse(broken);
        compilation.Flow.ShouldBeNull();
        compilation.Problems.ShouldContain(p => p.Message.Contains(reason, StringComparison.Ordinal), $"{broken}: {string.Join(" | ", compilation.Problems)}");
    }

    [Fact]
    public void The_default_flow_is_valid()
    {
        FlowValidator.Validate(Valid).ShouldBeEmpty();
    }

    [Fact]
    public void A_flow_with_an_optional_step_of_the_owners_own_is_valid()
    {
        var flow = Valid with
        {
            Steps = [.. Valid.Steps, new FlowStep { Id = "notes", Prompt = "Anything we should know?", Required = false, DependsOn = ["contact"], Fields = ["notes"] }],
        };

        FlowValidator.Validate(flow).ShouldBeEmpty();
    }

    [Fact]
    public void A_circle_is_named_step_by_step()
    {
        var flow = Step("service", s => s with { DependsOn = ["time"] });

        FlowValidator.Validate(flow).ShouldContain(p => p.Message.StartsWith("Steps service → time → date → service", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pattern_that_backtracks_forever_does_not_hold_the_caller()
    {
        var flow = Valid with { ValidationRules = [new("customerName", "^(a+)+$", "Bad name.")] };
        var compiled = FlowValidator.Compile(flow).Flow.ShouldNotBeNull();

        compiled.Check("customerName", new string('a', 5000) + "!").ShouldBeNull();
        compiled.Check("customerName", "b").ShouldBe("Bad name.");
    }
}
