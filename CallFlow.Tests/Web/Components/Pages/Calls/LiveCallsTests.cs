using Bunit;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Components.Pages.Calls;
using CallFlow.Web.Data;
using CallFlow.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Components.Pages.Calls;

/// <summary>The live board against a real app: calls started through the orchestrator appear and move without a reload.</summary>
public class LiveCallsTests : ConsoleContext, IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync()
    {
        Services.AddSingleton(_app.Service<IDbContextFactory<CallFlowDb>>());
        Services.AddSingleton(_app.Service<CallQueries>());
        Services.AddSingleton(_app.Service<ICallBroadcaster>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<BusinessScope>();
        SignInAs(_app.DemoFrontDesk());
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_new_call_appears_and_its_state_changes_without_a_reload()
    {
        var page = Render<LiveCalls>();
        page.WaitForElement("[data-testid=board-empty]");

        var call = await _app.StartAsync(from: "+16465550142");

        page.WaitForAssertion(() => page.Find("[data-testid=board]").TextContent.ShouldContain("+16465550142"), TimeSpan.FromSeconds(5));
        page.Find("[data-state]").GetAttribute("data-state").ShouldBe("connected");

        await _app.FireAsync(call, CallTrigger.Hold);

        page.WaitForAssertion(() => page.Find("[data-state]").GetAttribute("data-state").ShouldBe("on_hold"), TimeSpan.FromSeconds(5));

        await _app.FireAsync(call, CallTrigger.CallEnded);

        page.WaitForAssertion(() => page.Find("[data-testid=board-empty]"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Calls_already_in_progress_are_listed_on_load_and_finished_ones_are_not()
    {
        var live = await _app.StartAsync(from: "+16465550001");
        var finished = await _app.StartAsync(from: "+16465550002");
        await _app.FireAsync(finished, CallTrigger.CallEnded);

        var page = Render<LiveCalls>();

        page.WaitForAssertion(() =>
        {
            var board = page.Find("[data-testid=board]").TextContent;
            board.ShouldContain(live.From);
            board.ShouldNotContain(finished.From);
        });
        page.Find("[data-testid=active-count]").TextContent.ShouldContain("1 active");
    }

    [Fact]
    public void Leaving_the_page_unsubscribes_from_the_broadcaster()
    {
        var broadcaster = (InProcessCallBroadcaster)_app.Service<ICallBroadcaster>();
        var page = Render<LiveCalls>();
        page.WaitForElement("[data-testid=board-empty]");
        broadcaster.SubscriberCount(DemoBusiness.Id).ShouldBe(1);

        page.Instance.Dispose();

        broadcaster.SubscriberCount(DemoBusiness.Id).ShouldBe(0);
    }
}
