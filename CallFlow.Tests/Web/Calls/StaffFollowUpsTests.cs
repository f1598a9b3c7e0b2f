using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Web.Calls;

/// <summary>Notes and callback requests staff leave on a call, against the real app on a fixed clock.</summary>
public class StaffFollowUpsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 14, 0, 0, TimeSpan.Zero);

    private readonly CallFlowApp _app = new(clock: new FakeTimeProvider(Now));
    private Call _call = default!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _call = await _app.StartAsync(from: "+16465550142");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_note_is_kept_under_the_staff_member_s_name()
    {
        var result = await ActAsync(_app.DemoFrontDesk(), a => a.AddNoteAsync(_call.Id, "  Prefers Maria as stylist.  ", Token));

        result.Status.ShouldBe(StaffActionStatus.Done);
        var note = (await DetailAsync()).Notes.ShouldHaveSingleItem();
        (note.Author, note.Text, note.At).ShouldBe(("Sam Lee", "Prefers Maria as stylist.", Now));
    }

    public static TheoryData<string?, string> BadNotes => new()
    {
        { null, "Write the note first." },
        { "   ", "Write the note first." },
        { new string('x', CallNote.MaxLength + 1), "at most 1000 characters" },
    };

    [Theory]
    [MemberData(nameof(BadNotes))]
    public async Task An_empty_or_overlong_note_is_refused_with_a_reason(string? text, string reason)
    {
        var result = await ActAsync(_app.DemoFrontDesk(), a => a.AddNoteAsync(_call.Id, text, Token));

        result.Status.ShouldBe(StaffActionStatus.Invalid);
        result.Message.ShouldContain(reason);
        (await DetailAsync()).Notes.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_note_on_another_business_s_call_is_refused()
    {
        var harbor = await _app.AddSecondBusinessAsync();

        var result = await ActAsync(harbor.Owner, a => a.AddNoteAsync(_call.Id, "hello", Token));

        result.ShouldBe(StaffActionResult.NotFound);
        (await DetailAsync()).Notes.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_callback_is_recorded_as_pending_for_the_caller_s_number()
    {
        var due = Now.AddHours(2);

        var result = await ActAsync(_app.DemoFrontDesk(), a => a.ScheduleCallbackAsync(_call.Id, due, cancellationToken: Token));

        result.Status.ShouldBe(StaffActionStatus.Done, result.Message);
        var callback = (await DetailAsync()).Callbacks.ShouldHaveSingleItem();
        (callback.PhoneNumber, callback.DueAt, callback.RequestedBy, callback.Status, callback.BusinessId, callback.RequestedAt)
            .ShouldBe(("+16465550142", due, "Sam Lee", CallbackStatus.Pending, _call.BusinessId, Now));
    }

    [Fact]
    public async Task A_callback_may_go_to_another_number_written_the_way_people_write_numbers()
    {
        var result = await ActAsync(_app.DemoFrontDesk(), a => a.ScheduleCallbackAsync(_call.Id, Now.AddDays(1), "+1 (212) 555-0199", Token));

        result.Status.ShouldBe(StaffActionStatus.Done, result.Message);
        (await DetailAsync()).Callbacks.ShouldHaveSingleItem().PhoneNumber.ShouldBe("+12125550199");
    }

    public static TheoryData<int, string?, string> BadCallbacks => new()
    {
        { -10, null, "in the future" },
        { 31 * 24 * 60, null, "at most 30 days ahead" },
        { 60, "call me maybe", "international format" },
        { 60, "2125550199", "international format" },
    };

    [Theory]
    [MemberData(nameof(BadCallbacks))]
    public async Task A_callback_at_an_impossible_time_or_to_a_malformed_number_is_refused(int minutesFromNow, string? number, string reason)
    {
        var result = await ActAsync(_app.DemoFrontDesk(), a => a.ScheduleCallbackAsync(_call.Id, Now.AddMinutes(minutesFromNow), number, Token));

        result.Status.ShouldBe(StaffActionStatus.Invalid);
        result.Message.ShouldContain(reason);
        (await DetailAsync()).Callbacks.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_pending_callback_for_the_same_call_is_refused()
    {
        await ActAsync(_app.DemoFrontDesk(), a => a.ScheduleCallbackAsync(_call.Id, Now.AddHours(1), cancellationToken: Token));

        var again = await ActAsync(_app.DemoOwner(), a => a.ScheduleCallbackAsync(_call.Id, Now.AddHours(3), cancellationToken: Token));

        again.Status.ShouldBe(StaffActionStatus.Invalid);
        (await DetailAsync()).Callbacks.Count.ShouldBe(1);
    }

    private Task<StaffActionResult> ActAsync(StaffAccount who, Func<StaffActions, Task<StaffActionResult>> act) =>
        StaffActionsTests.ActAsync(_app, who, act);

    private async Task<CallDetail> DetailAsync() =>
        (await _app.Service<CallQueries>().DetailAsync([_call.BusinessId], _call.Id, Token))!;
}
