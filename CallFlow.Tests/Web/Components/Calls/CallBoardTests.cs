using Bunit;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using CallFlow.Web.Components.Calls;

namespace CallFlow.Tests.Web.Components.Calls;

public class CallBoardTests : ConsoleContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    private static CallSnapshot Snapshot(string from, CallState state, string? step = null, Dictionary<string, string>? collected = null, int secondsAgo = 75) =>
        new(Guid.NewGuid().ToString("N"), "CA" + from, "demo-salon", CallDirection.Inbound, from, state, step,
            collected ?? [], Now.AddSeconds(-secondsAgo), null, Now, null, 1);

    [Fact]
    public void An_empty_board_says_there_are_no_calls()
    {
        var board = Render<CallBoard>(p => p.Add(b => b.Calls, []).Add(b => b.Now, Now));

        board.Find("[data-testid=board-empty]").TextContent.ShouldContain("No calls right now");
    }

    [Fact]
    public void Each_call_shows_caller_state_step_collected_data_and_time_in_call()
    {
        var calls = new[]
        {
            Snapshot("+12125550100", CallState.CollectingInfo, "time", new() { ["service"] = "Haircut", ["date"] = "Friday" }, secondsAgo: 75),
            Snapshot("+13105550199", CallState.OnHold, secondsAgo: 3700),
        };

        var board = Render<CallBoard>(p => p.Add(b => b.Calls, calls).Add(b => b.Now, Now));

        var rows = board.FindAll("[data-testid=board] tbody tr");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("+12125550100");
        rows[0].QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("collecting_info");
        rows[0].TextContent.ShouldContain("time");
        rows[0].TextContent.ShouldContain("service: Haircut");
        rows[0].TextContent.ShouldContain("date: Friday");
        rows[0].TextContent.ShouldContain("1:15");
        rows[1].TextContent.ShouldContain("1:01:40");
        rows[1].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/calls/{calls[1].Id}");
    }

    [Fact]
    public void A_test_call_from_the_console_is_marked_and_a_real_caller_is_not()
    {
        var calls = new[] { Snapshot("+12125550199", CallState.InConversation) with { IsTest = true }, Snapshot("+13105550100", CallState.InConversation) };

        var board = Render<CallBoard>(p => p.Add(b => b.Calls, calls).Add(b => b.Now, Now));

        var rows = board.FindAll("[data-testid=board] tbody tr");
        rows[0].QuerySelector("[data-testid=test-call]").ShouldNotBeNull().TextContent.ShouldContain("Test call");
        rows[1].QuerySelector("[data-testid=test-call]").ShouldBeNull();
    }

    [Fact]
    public void The_business_column_appears_only_for_viewers_of_several_businesses()
    {
        var calls = new[] { Snapshot("+12125550100", CallState.Connected) };

        var single = Render<CallBoard>(p => p.Add(b => b.Calls, calls).Add(b => b.BusinessNames, new Dictionary<string, string> { ["demo-salon"] = "Demo Salon" }));
        var several = Render<CallBoard>(p => p.Add(b => b.Calls, calls).Add(b => b.BusinessNames, new Dictionary<string, string> { ["demo-salon"] = "Demo Salon", ["other"] = "Other" }));

        single.Markup.ShouldNotContain("Demo Salon");
        several.Markup.ShouldContain("Demo Salon");
    }
}
