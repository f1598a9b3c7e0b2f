using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>Reads what recovery left in a running app: callbacks, queued texts, the outbox, audit notes, calls it placed.</summary>
internal static class RecoveryHelpers
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<List<CallbackRequest>> CallbacksAsync(this CallFlowApp app)
    {
        await using var db = app.Db();
        return await db.CallbackRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Token);
    }

    public static async Task<List<OutgoingText>> TextsAsync(this CallFlowApp app)
    {
        await using var db = app.Db();
        return await db.OutgoingTexts.AsNoTracking().OrderBy(t => t.Id).ToListAsync(Token);
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(this CallFlowApp app, OutboxKind kind)
    {
        await using var db = app.Db();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync(Token);
    }

    /// <summary>Every audit row of a call, in order, refused or not.</summary>
    public static async Task<List<CallTransition>> AuditAsync(this CallFlowApp app, string callSid)
    {
        await using var db = app.Db();
        var id = await db.Calls.Where(c => c.CallSid == callSid).Select(c => c.Id).SingleAsync(Token);
        return await db.CallTransitions.AsNoTracking().Where(t => t.CallId == id).OrderBy(t => t.Id).ToListAsync(Token);
    }

    /// <summary>The calls CallFlow placed (callbacks), oldest first.</summary>
    public static async Task<List<Call>> OutboundCallsAsync(this CallFlowApp app)
    {
        await using var db = app.Db();
        return await db.Calls.AsNoTracking().Where(c => c.Direction == CallDirection.Outbound).OrderBy(c => c.StartedAt).ThenBy(c => c.Id).ToListAsync(Token);
    }

    /// <summary>The callee's end of the callback the simulated carrier answered, once it is waiting for them to speak.</summary>
    public static async Task<SimulatedCall> AnsweredCallbackAsync(this CallFlowApp app, string callSid)
    {
        var worker = app.Service<SimulatedCarrierWorker>();
        var leg = await Eventually.UntilAsync(() => worker.Live.GetValueOrDefault(callSid), leg => leg is { IsListening: true });
        return leg.ShouldNotBeNull($"the simulated carrier never answered {callSid}");
    }
}
