using Bunit;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Calls;
using CallFlow.Web.Calls;
using CallFlow.Web.Components.Pages.Calls;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Web.Components.Pages.Calls;

/// <summary>The call page against a real app on a fixed clock: 14:00 UTC on 1 July is 10:00 at the New York salon.</summary>
public class CallDetailPageTests : ConsoleContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 14, 0, 0, TimeSpan.Zero);

    private readonly CallFlowApp _app = new(clock: new FakeTimeProvider(Now));
    private Call _call = default!;

    public async ValueTask InitializeAsync()
    {
        UseServicesOf(_app);
        SignInAs(_app.DemoFrontDesk());
        _call = await _app.StartAsync(from: "+16465550142");
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void Every_time_on_the_page_is_in_the_business_s_time_zone()
    {
        var page = Render<CallDetailPage>(p => p.Add(d => d.Id, _call.Id));

        page.WaitForElement("[data-testid=timeline-item]").TextContent.ShouldContain("10:00:00");
        page.Markup.ShouldContain("started Wed 1 Jul 2026, 10:00");
    }

    [Fact]
    public void A_live_call_offers_front_desk_its_controls()
    {
        var page = Render<CallDetailPage>(p => p.Add(d => d.Id, _call.Id));

        page.WaitForElement("[data-testid=front-desk]").TextContent.ShouldContain("Hold");
    }

    [Fact]
    public async Task A_finished_call_has_no_controls_but_keeps_notes_and_callbacks()
    {
        await _app.FireAsync(_call, CallTrigger.CallEnded);

        var page = Render<CallDetailPage>(p => p.Add(d => d.Id, _call.Id));

        page.WaitForElement("[data-testid=callback-open]");
        page.Find("[data-testid=note-add]");
        page.FindAll("[data-testid=front-desk]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_note_added_elsewhere_appears_without_a_reload()
    {
        var page = Render<CallDetailPage>(p => p.Add(d => d.Id, _call.Id));
        page.WaitForElement("[data-testid=notes-empty]");

        await StaffActionsTests.ActAsync(_app, _app.DemoOwner(), a => a.AddNoteAsync(_call.Id, "Regular customer", Xunit.TestContext.Current.CancellationToken));

        page.WaitForAssertion(() => page.Find("[data-testid=note]").TextContent.ShouldContain("Rosa Martinez"), TimeSpan.FromSeconds(5));
    }
}
