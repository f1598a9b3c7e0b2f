using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using CallFlow.Web.Components.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Components.Calls;

public class CallNotesTests : ConsoleContext, IAsyncLifetime
{
    private readonly CallFlowApp _app = new();
    private Call _call = default!;

    public async ValueTask InitializeAsync()
    {
        UseServicesOf(_app);
        SignInAs(_app.DemoFrontDesk());
        _call = await _app.StartAsync();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void Notes_are_listed_with_their_author_and_time_and_text_stays_text()
    {
        var notes = new[]
        {
            new CallNote { CallId = _call.Id, Author = "Sam Lee", Text = "<b>asked</b> for Maria", At = new DateTimeOffset(2026, 7, 1, 14, 0, 0, TimeSpan.Zero) },
        };

        var view = Render<CallNotes>(p => p.Add(n => n.CallId, _call.Id).Add(n => n.Notes, notes).Add(n => n.TimeZoneId, "America/New_York"));

        var note = view.Find("[data-testid=note]");
        note.TextContent.ShouldContain("<b>asked</b> for Maria");
        note.TextContent.ShouldContain("Sam Lee · Wed 1 Jul 2026, 10:00");
    }

    [Fact]
    public async Task An_empty_note_shows_why_it_was_not_added()
    {
        var view = Render<CallNotes>(p => p.Add(n => n.CallId, _call.Id));

        await view.Find("button[data-testid=note-add]").ClickAsync();

        view.WaitForAssertion(() => view.Markup.ShouldContain("Write the note first."));
        await using var db = _app.Db();
        (await db.CallNotes.CountAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task Adding_a_note_saves_it_and_tells_the_page()
    {
        var added = 0;
        var view = Render<CallNotes>(p => p.Add(n => n.CallId, _call.Id).Add(n => n.OnAdded, () => added++));

        await view.Find("textarea").InputAsync(new() { Value = "Call back after 5 pm" });
        await view.Find("button[data-testid=note-add]").ClickAsync();

        view.WaitForAssertion(() => added.ShouldBe(1));
        await using var db = _app.Db();
        (await db.CallNotes.SingleAsync(Xunit.TestContext.Current.CancellationToken)).Text.ShouldBe("Call back after 5 pm");
        view.Find("textarea").GetAttribute("value").ShouldBeNullOrEmpty();
    }
}
