using CallFlow.Domain.Calls;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calls;

/// <summary>Filters for the call history table; every query is limited to the businesses the viewer may see.</summary>
public sealed record CallHistoryFilter
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public CallOutcome? Outcome { get; init; }

    public CallState? State { get; init; }

    /// <summary>Part of the caller's number.</summary>
    public string? Caller { get; init; }
}

public sealed record CallRow(
    string Id,
    string CallSid,
    string BusinessId,
    string BusinessName,
    CallDirection Direction,
    string From,
    CallState State,
    CallOutcome? Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? CurrentStepId,
    bool IsTest);

public sealed record CallPage(IReadOnlyList<CallRow> Rows, int Total);

/// <summary>Everything the call detail page shows.</summary>
public sealed record CallDetail(
    Call Call,
    string BusinessName,
    IReadOnlyList<CallTransition> Transitions,
    IReadOnlyList<ConversationTurn> Turns)
{
    /// <summary>Staff notes, oldest first.</summary>
    public IReadOnlyList<CallNote> Notes { get; init; } = [];

    /// <summary>Callbacks asked for from the console, newest first.</summary>
    public IReadOnlyList<CallbackRequest> Callbacks { get; init; } = [];
}

/// <summary>Read side of calls for the console; short-lived contexts, no tracking, always scoped to business ids.</summary>
public sealed class CallQueries(IDbContextFactory<CallFlowDb> dbFactory)
{
    private static readonly CallState[] Finished = [.. CallStates.Terminal];

    public async Task<IReadOnlyList<CallSnapshot>> ActiveAsync(IReadOnlyCollection<string> businessIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => businessIds.Contains(c.BusinessId) && !Finished.Contains(c.State) && c.State != CallState.Idle)
            .OrderBy(c => c.StartedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. calls.Select(CallSnapshot.Of)];
    }

    public async Task<CallPage> HistoryAsync(IReadOnlyCollection<string> businessIds, CallHistoryFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, businessIds, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(query.OrderByDescending(c => c.StartedAt).Skip(Math.Max(0, page) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new CallPage(rows, total);
    }

    /// <summary>Every matching row, for CSV export (streamed, newest first).</summary>
    public async IAsyncEnumerable<CallRow> ExportAsync(IReadOnlyCollection<string> businessIds, CallHistoryFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Project(Filter(db, businessIds, filter).OrderByDescending(c => c.StartedAt)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<CallDetail?> DetailAsync(IReadOnlyCollection<string> businessIds, string callId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var call = await db.Calls.AsNoTracking().Include(c => c.Business)
            .FirstOrDefaultAsync(c => c.Id == callId && businessIds.Contains(c.BusinessId), cancellationToken);
        if (call is null)
        {
            return null;
        }

        var transitions = await db.CallTransitions.AsNoTracking().Where(t => t.CallId == call.Id).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var turns = await db.ConversationTurns.AsNoTracking().Where(t => t.CallId == call.Id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        var notes = await db.CallNotes.AsNoTracking().Where(n => n.CallId == call.Id).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var callbacks = await db.CallbackRequests.AsNoTracking().Where(r => r.CallId == call.Id).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return new CallDetail(call, call.Business?.Name ?? call.BusinessId, transitions, turns) { Notes = notes, Callbacks = callbacks };
    }

    private static IQueryable<Call> Filter(CallFlowDb db, IReadOnlyCollection<string> businessIds, CallHistoryFilter filter)
    {
        var query = db.Calls.AsNoTracking().Where(c => businessIds.Contains(c.BusinessId));
        if (filter.From is { } from) query = query.Where(c => c.StartedAt >= from);
        if (filter.To is { } to) query = query.Where(c => c.StartedAt < to);
        if (filter.Outcome is { } outcome) query = query.Where(c => c.Outcome == outcome);
        if (filter.State is { } state) query = query.Where(c => c.State == state);
        if (!string.IsNullOrWhiteSpace(filter.Caller))
        {
            var caller = filter.Caller.Trim();
            query = query.Where(c => c.From.Contains(caller));
        }

        return query;
    }

    private static IQueryable<CallRow> Project(IQueryable<Call> query) => query.Select(c => new CallRow(
        c.Id, c.CallSid, c.BusinessId, c.Business!.Name, c.Direction, c.From, c.State, c.Outcome, c.StartedAt, c.EndedAt, c.CurrentStepId, c.IsTest));
}
