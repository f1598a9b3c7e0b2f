using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Flows;

public class FlowDiffTests
{
    private static readonly FlowDefinition Seed = DefaultFlows.Booking(Salon.NewYork);

    private static readonly FlowStep Notes = new() { Id = "notes", Name = "Notes", Prompt = "Anything we should know?", Required = false, DependsOn = ["contact"], Fields = ["notes"] };

    private static FlowDefinition Step(string id, Func<FlowStep, FlowStep> change) =>
        Seed with { Steps = [.. Seed.Steps.Select(s => s.Id == id ? change(s) : s)] };

    private static FlowDefinition Order(params string[] ids) =>
        Seed with { Steps = [.. ids.Select(id => Seed.Steps.Single(s => s.Id == id))] };

    /// <summary>An edit, and the diff read as "kind id: property old → new" lines.</summary>
    public static TheoryData<string, FlowDefinition, string[]> Edits => new()
    {
        { "nothing", Seed, [] },
        { "a prompt", Step("date", s => s with { Prompt = "Which day suits you?" }),
            ["Changed date: Prompt What day would you like to come in? → Which day suits you?"] },
        { "a reprompt added", Step("date", s => s with { Reprompt = "Which day?" }), ["Changed date: Reprompt — → Which day?"] },
        { "several properties of one step", Step("time", s => s with { MaxRetries = 2, Required = false, Name = "When" }),
            ["Changed time: Name Time → When", "Changed time: Required yes → no", "Changed time: Retry limit 3 → 2"] },
        { "a validation pattern", Step("contact", s => s with { Validation = s.Validation! with { Pattern = @"^\+1\d{10}$" } }),
            [@"Changed contact: Validation pattern ^\+[1-9]\d{6,14}$ → ^\+1\d{10}$"] },
        { "options and expected input", Step("service", s => s with { Options = ["Haircut", "Color"] }),
            ["Changed service: Options Haircut, Color, Styling, Consultation → Haircut, Color"] },
        { "a step added", Seed with { Steps = [.. Seed.Steps, Notes] },
            ["Added notes: Name — → Notes", "Added notes: Type — → information collection", "Added notes: Prompt — → Anything we should know?",
             "Added notes: Expected input — → text", "Added notes: Required — → no", "Added notes: Depends on — → contact",
             "Added notes: Fields collected — → notes", "Added notes: Retry limit — → 3"] },
        { "a step removed", Order("service", "date", "contact"),
            ["Removed time: Name Time → —", "Removed time: Type time selection → —", "Removed time: Prompt And what time suits you? → —",
             "Removed time: Expected input time → —", "Removed time: Required yes → —", "Removed time: Depends on date → —",
             "Removed time: Fields collected time → —", "Removed time: Retry limit 3 → —"] },
        { "two steps swapped", Order("service", "time", "date", "contact"), ["Moved date: Position 2 → 3"] },
        { "a step moved to the top", Order("contact", "service", "date", "time"), ["Moved contact: Position 4 → 1"] },
        { "a step added before the others is no move", Seed with { Steps = [Notes with { DependsOn = [] }, .. Seed.Steps] },
            ["Added notes: Name — → Notes", "Added notes: Type — → information collection", "Added notes: Prompt — → Anything we should know?",
             "Added notes: Expected input — → text", "Added notes: Required — → no", "Added notes: Fields collected — → notes", "Added notes: Retry limit — → 3"] },
        { "moved and changed", Seed with { Steps = [Seed.Steps[3] with { Prompt = "Name and number?" }, Seed.Steps[0], Seed.Steps[1], Seed.Steps[2]] },
            ["Changed contact: Position 4 → 1", "Changed contact: Prompt Can I have your name and the best number to reach you? → Name and number?"] },
        { "the flow's rules", Seed with { Name = "Bookings", Rules = new FlowRules { TransferToStaff = false, WhenNobodyCanTakeTheCall = Fallback.TakeMessage, AlternativesToOffer = 2, MinimumConfidence = 0.5 } },
            ["Flow: Flow name Booking → Bookings", "Flow: Transfer to staff yes → no", "Flow: When nobody can take the call promise a callback → take a message",
             "Flow: Alternatives to offer 3 → 2", "Flow: Minimum confidence 0.3 → 0.5"] },
        { "field checks", Seed with { ValidationRules = [] },
            ["Flow: Field checks customerName must match ^\\p{L}[\\p{L}\\p{M} '’.\\-]{0,79}$ (\"I didn't catch a name I can write down.\") → —"] },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void The_diff_reads_as_what_the_owner_changed(string edit, FlowDefinition newer, string[] expected)
    {
        var diff = FlowDiff.Between(Seed, newer);

        Lines(diff).ShouldBe(expected, edit);
        diff.IsEmpty.ShouldBe(expected.Length == 0);
    }

    [Fact]
    public void Steps_are_listed_in_the_newer_order_with_removed_ones_last()
    {
        var newer = Seed with { Steps = [Seed.Steps[0] with { Prompt = "Which service?" }, Seed.Steps[1], Seed.Steps[2], Notes] };

        var diff = FlowDiff.Between(Seed, newer);

        diff.StepChanges.Select(c => (c.Kind, c.StepId)).ShouldBe([(StepChangeKind.Changed, "service"), (StepChangeKind.Added, "notes"), (StepChangeKind.Removed, "contact")]);
    }

    private static string[] Lines(FlowDiff diff) =>
    [
        .. diff.FlowChanges.Select(c => $"Flow: {c.Property} {c.Old ?? "—"} → {c.New ?? "—"}"),
        .. diff.StepChanges.SelectMany(s => s.Changes.Select(c => $"{s.Kind} {s.StepId}: {c.Property} {c.Old ?? "—"} → {c.New ?? "—"}")),
    ];
}
