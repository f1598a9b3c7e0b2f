using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Bench;

/// <summary>The receptionist's own time for one kind of turn: the flow step it answered and what the caller meant.</summary>
public sealed record TurnKindLatency(string Step, string Intent, LatencySummary Receptionist);

/// <summary>
/// The receptionist's time by kind of turn, read back from the turns the measured calls stored (each turn keeps the
/// server time it took): which turns make the tail (the booking, the offers) and which are cheap (a name, a question).
/// Kinds under 1% of the turns are left out.
/// </summary>
public static class TurnKinds
{
    public static async Task<IReadOnlyList<TurnKindLatency>> ReadAsync(
        IDbContextFactory<CallFlowDb> databases, IReadOnlyCollection<string> callSids, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var measured = callSids.ToHashSet(StringComparer.Ordinal);
        var turns = (await db.ConversationTurns.AsNoTracking()
                .Join(db.Calls, t => t.CallId, c => c.Id, (t, c) => new { c.CallSid, t.StepId, t.Intent, t.ProcessingMs })
                .ToListAsync(cancellationToken))
            .Where(t => measured.Contains(t.CallSid))
            .ToList();
        var least = Math.Max(1, turns.Count / 100);
        return [.. turns
            .GroupBy(t => (Step: t.StepId ?? "none", Intent: t.Intent?.ToString() ?? "none"))
            .Where(kind => kind.Count() >= least)
            .Select(kind => new TurnKindLatency(kind.Key.Step, kind.Key.Intent, LatencySummary.Of([.. kind.Select(t => t.ProcessingMs)])))
            .OrderByDescending(kind => kind.Receptionist.P99)];
    }
}
