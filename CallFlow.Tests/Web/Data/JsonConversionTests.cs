using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Data;

/// <summary>JSON columns (a call's context) are tracked by their JSON: edits made in place are saved, and only those.</summary>
public sealed class JsonConversionTests : IAsyncDisposable
{
    private readonly CallFlowApp _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string?> StoredStepAsync(string callSid)
    {
        await using var db = _app.Db();
        return (await db.Calls.AsNoTracking().SingleAsync(c => c.CallSid == callSid, Token)).Context.CurrentStepId;
    }

    [Fact]
    public async Task A_context_read_and_left_alone_is_not_saved()
    {
        var call = await _app.StartAsync();
        await using var db = _app.Db();

        var tracked = await db.Calls.SingleAsync(c => c.CallSid == call.CallSid, Token);
        _ = tracked.Context.CurrentStepId;

        db.ChangeTracker.HasChanges().ShouldBeFalse();
        db.Entry(tracked).Property(c => c.Context).IsModified.ShouldBeFalse();
    }

    [Fact]
    public async Task An_edit_in_place_is_saved_and_so_is_the_next_one_after_the_save()
    {
        var call = await _app.StartAsync();
        await using var db = _app.Db();
        var tracked = await db.Calls.SingleAsync(c => c.CallSid == call.CallSid, Token);

        tracked.Context.CurrentStepId = "first-edit";
        db.ChangeTracker.HasChanges().ShouldBeTrue();
        await db.SaveChangesAsync(Token);
        (await StoredStepAsync(call.CallSid)).ShouldBe("first-edit");

        // The original kept at the save is the edited value; editing it again is a change again.
        db.ChangeTracker.HasChanges().ShouldBeFalse();
        tracked.Context.CurrentStepId = "second-edit";
        db.ChangeTracker.HasChanges().ShouldBeTrue();
        await db.SaveChangesAsync(Token);
        (await StoredStepAsync(call.CallSid)).ShouldBe("second-edit");

        // An edit undone before the save is no change.
        tracked.Context.CurrentStepId = "third-edit";
        tracked.Context.CurrentStepId = "second-edit";
        db.ChangeTracker.HasChanges().ShouldBeFalse();
    }
}
