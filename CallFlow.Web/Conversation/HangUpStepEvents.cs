using CallFlow.Domain.Conversation;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Conversation;

/// <summary>
/// A caller who hangs up while a flow step is being asked fails that step ("caller hung up") in the step metrics.
/// The hang-up arrives as a status callback, outside any turn, so the event is saved on its own.
/// </summary>
internal sealed class HangUpStepEvents(IDbContextFactory<CallFlowDb> dbFactory, TimeProvider clock) : ICallEndedHandler
{
    public async Task CallEndedAsync(CallEndedByCarrier ended, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await db.Calls.AsNoTracking().Where(c => c.Id == ended.CallId).Select(c => c.Context).FirstOrDefaultAsync(cancellationToken);
        if (context?.CurrentStepId is not { } step)
        {
            return;
        }

        var version = context.Conversation.FlowVersionId;
        db.StepEvents.Add(new CallStepEvent
        {
            CallId = ended.CallId,
            BusinessId = ended.BusinessId,
            FlowVersionId = version is null or StoredFlow.BuiltInVersionId ? null : version,
            TurnSequence = context.Conversation.Turns,
            StepId = step,
            Kind = StepEventKind.Failed,
            Reason = StepFailureReason.CallerHungUp,
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
