using Bunit;
using CallFlow.Domain.Flows;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Components.Flows;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Web.Components.Flows;

public class FlowDiffViewTests : ConsoleContext
{
    private static readonly FlowDefinition Seed = DefaultFlows.Booking(Salon.NewYork);

    [Fact]
    public void Each_step_change_shows_its_kind_and_each_property_old_and_new()
    {
        var newer = Seed with
        {
            Name = "Bookings",
            Steps =
            [
                Seed.Steps[0],
                Seed.Steps[1] with { Prompt = "Which day?", MaxRetries = 2 },
                Seed.Steps[3],
                new FlowStep { Id = "notes", Name = "Notes", Prompt = "Anything else?", Required = false, Fields = ["notes"] },
            ],
        };

        var view = Render<FlowDiffView>(p => p.Add(x => x.Diff, FlowDiff.Between(Seed, newer)));

        view.FindAll("[data-testid=diff-step]").Select(s => (s.GetAttribute("data-kind"), s.GetAttribute("data-step-id")))
            .ShouldBe([("changed", "date"), ("added", "notes"), ("removed", "time")]);
        var date = view.Find("[data-testid=diff-step][data-step-id=date]");
        date.TextContent.ShouldContain("Step changed");
        var prompt = date.QuerySelector("[data-property=Prompt]")!;
        (prompt.QuerySelector(".cf-old")!.TextContent, prompt.QuerySelector(".cf-new")!.TextContent).ShouldBe(("What day would you like to come in?", "Which day?"));
        date.QuerySelector("[data-property='Retry limit']")!.TextContent.ShouldContain("3");
        view.Find("[data-testid=diff-step][data-step-id=notes] [data-property=Prompt] .cf-old").TextContent.ShouldBe("—");
        view.Find("[data-testid=diff-step][data-step-id=time]").TextContent.ShouldContain("Step removed");
        view.Find("[data-testid=diff-flow] [data-property='Flow name']").TextContent.ShouldContain("Bookings");
    }

    [Fact]
    public void Two_equal_versions_say_so()
    {
        var view = Render<FlowDiffView>(p => p.Add(x => x.Diff, FlowDiff.Between(Seed, Seed)));

        view.Find("[data-testid=diff-empty]").TextContent.ShouldBe("These versions are the same.");
    }
}
