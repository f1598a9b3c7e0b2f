using CallFlow.Domain.Calls;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using CallFlow.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calls;

/// <summary>An inbound call as the carrier announced it.</summary>
public sealed record InboundCall(string CallSid, string From, string To, CallerInfo CallerInfo)
{
    /// <summary>The flow version a test call from the console asked for (honoured only for a version of the business called).</summary>
    public long? FlowVersionId { get; init; }

    /// <summary>A call placed from the console's test-call page (see <see cref="Call.IsTest"/>).</summary>
    public bool IsTest { get; init; }
}

/// <summary>A call we placed (a callback), as the carrier accepted it: its CallSid, the numbers, and what the call starts out knowing.</summary>
public sealed record OutboundCall(string CallSid, string BusinessId, string From, string To, CallContext Context)
{
    /// <summary>It follows up a test call from the console, and is one too (see <see cref="Call.IsTest"/>).</summary>
    public bool IsTest { get; init; }
}

/// <summary>The result of announcing an inbound call: the business that answers it, or none for an unknown number.</summary>
public sealed record CallStart(Call? Call, Business? Business, bool Existing)
{
    public bool UnknownNumber => Business is null;
}

/// <summary>
/// The single gate through which anything changes a call: carrier webhooks, the console, jobs. Work for
/// one call runs under that call's lock; its transitions, audit rows and state are saved in one transaction,
/// and the new snapshot is published to the live console after the commit.
/// </summary>
public sealed class CallOrchestrator(
    IDbContextFactory<CallFlowDb> dbFactory,
    BusinessCache businesses,
    CallLocks locks,
    ICallBroadcaster broadcaster,
    TimeProvider clock,
    IEnumerable<ICallWorkObserver> observers,
    ILogger<CallOrchestrator> logger)
{
    private const int MaxConcurrencyRetries = 3;

    private static readonly CompiledQuery<string, Call?> CallBySid = new((db, callSid, _) => db.Calls.FirstOrDefault(c => c.CallSid == callSid));
    private readonly ICallWorkObserver[] _observers = [.. observers];

    /// <summary>Creates the call for an inbound webhook and answers it (idle → incoming → connected).</summary>
    /// <remarks>A repeated webhook for the same CallSid returns the call already created instead of a second one.</remarks>
    public async Task<CallStart> StartInboundAsync(InboundCall inbound, CancellationToken cancellationToken) =>
        (await StartInboundAsync<object?>(inbound, greet: null, cancellationToken)).Start;

    /// <summary>
    /// Creates the call for an inbound webhook, answers it (idle → incoming → connected) and runs <paramref name="greet"/>
    /// on it, all saved in one transaction: the call's first webhook is one unit of work, like every later one. A repeated
    /// webhook for the same CallSid returns the call already created, without running <paramref name="greet"/>.
    /// </summary>
    public async Task<(CallStart Start, T? Greeting)> StartInboundAsync<T>(InboundCall inbound, Func<CallSession, Task<T>>? greet, CancellationToken cancellationToken)
    {
        using var lease = await locks.AcquireAsync(inbound.CallSid, cancellationToken);
        await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);

        var existing = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.CallSid == inbound.CallSid, cancellationToken);
        if (existing is not null)
        {
            return (new CallStart(existing, await businesses.FindAsync(db, existing.BusinessId, cancellationToken), Existing: true), default);
        }

        var business = await businesses.FindByNumberAsync(db, inbound.To, cancellationToken);
        if (business is null)
        {
            logger.LogWarning("Call {CallSid} to {To}: no business answers that number", inbound.CallSid, inbound.To);
            return (new CallStart(null, null, Existing: false), default);
        }

        var session = Answer(db, inbound, business, clock.GetUtcNow());
        var greeting = default(T);
        if (greet is not null)
        {
            try
            {
                using (BusinessCache.Pin(business))
                {
                    greeting = await greet(session);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The call is still recorded, answered but not greeted, so the webhook's recovery and the console find it.
                logger.LogError(e, "Call {CallSid}: the greeting failed; recording the answered call without it", inbound.CallSid);
                db.ChangeTracker.Clear();
                await SaveNewAsync(db, Answer(db, inbound, business, session.Now), cancellationToken);
                throw;
            }
        }

        await SaveNewAsync(db, session, cancellationToken);
        return (new CallStart(session.Call, business, Existing: false), greeting);
    }

    /// <summary>A new inbound call, added to <paramref name="db"/> and answered (idle → incoming → connected).</summary>
    private CallSession Answer(CallFlowDb db, InboundCall inbound, Business business, DateTimeOffset now)
    {
        var call = new Call
        {
            CallSid = inbound.CallSid,
            BusinessId = business.Id,
            Direction = CallDirection.Inbound,
            From = inbound.From,
            To = inbound.To,
            IsTest = inbound.IsTest,
            StartedAt = now,
            LastActivityAt = now,
        };
        call.Context = new CallContext
        {
            CallId = call.Id,
            BusinessId = business.Id,
            PhoneNumber = inbound.From,
            CallerInfo = inbound.CallerInfo,
            StartTime = now,
            LastActivityTime = now,
        };
        db.Calls.Add(call);

        var session = new CallSession(db, call, business, Actor.Carrier, now, logger);
        session.Fire(CallTrigger.IncomingCall);
        session.Fire(CallTrigger.CallAnswered);
        return session;
    }

    private async Task SaveNewAsync(CallFlowDb db, CallSession session, CancellationToken cancellationToken)
    {
        CopyColumns(session.Call);
        var committed = Saving(session);
        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        Saved(committed);
        broadcaster.Publish(CallSnapshot.Of(session.Call));
    }

    /// <summary>
    /// Records a call we placed (idle → ringing), under its lock so the carrier's first webhooks for it wait for the row.
    /// A repeated start for the same CallSid returns the call already recorded.
    /// </summary>
    public async Task<Call> StartOutboundAsync(OutboundCall outbound, Actor actor, string? detail, CancellationToken cancellationToken)
    {
        using var lease = await locks.AcquireAsync(outbound.CallSid, cancellationToken);
        await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
        if (await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.CallSid == outbound.CallSid, cancellationToken) is { } existing)
        {
            return existing;
        }

        var business = await businesses.FindAsync(db, outbound.BusinessId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no business '{outbound.BusinessId}' to place a call for.");
        var now = clock.GetUtcNow();
        var call = new Call
        {
            CallSid = outbound.CallSid,
            BusinessId = business.Id,
            Direction = CallDirection.Outbound,
            From = outbound.From,
            To = outbound.To,
            IsTest = outbound.IsTest,
            StartedAt = now,
            LastActivityAt = now,
            Context = outbound.Context,
        };
        call.Context.CallId = call.Id;
        call.Context.BusinessId = business.Id;
        call.Context.PhoneNumber = outbound.To;
        call.Context.StartTime = now;
        call.Context.LastActivityTime = now;
        db.Calls.Add(call);

        new CallSession(db, call, business, actor, now, logger).Fire(CallTrigger.DialOut, detail);
        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        broadcaster.Publish(CallSnapshot.Of(call));
        return call;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on one call under its lock and saves everything it changed in one
    /// transaction. Returns null when no call has that CallSid. A concurrent save from another instance
    /// (the concurrency token) reruns the work on fresh data.
    /// </summary>
    public async Task<CallWork<T>?> ExecuteAsync<T>(string callSid, Actor actor, Func<CallSession, Task<T>> work, CancellationToken cancellationToken)
    {
        using var lease = await locks.AcquireAsync(callSid, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
            var call = await CallBySid.RunAsync(db, callSid, cancellationToken);
            if (call is null)
            {
                return null;
            }

            var business = await businesses.FindAsync(db, call.BusinessId, cancellationToken)
                ?? throw new InvalidOperationException($"Call {callSid} belongs to no business ('{call.BusinessId}').");
            var session = new CallSession(db, call, business, actor, clock.GetUtcNow(), logger);
            T result;
            using (BusinessCache.Pin(business))
            {
                result = await work(session);
            }

            CopyColumns(call);
            if (!DetectChangesOnce(db))
            {
                return new CallWork<T>(session, result);
            }

            // Through the entry, which marks the token modified without detecting changes again.
            db.Entry(call).Property(c => c.Version).CurrentValue = call.Version + 1;
            var committed = Saving(session);
            try
            {
                // The context ends with the unit of work: accepting the changes would only snapshot every saved value
                // again (the call's context among them, a JSON round trip) for nobody to compare.
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrencyRetries)
            {
                logger.LogInformation("Call {CallSid} changed elsewhere; retrying (attempt {Attempt})", callSid, attempt);
                continue;
            }

            Saved(committed);
            broadcaster.Publish(CallSnapshot.Of(call));
            return new CallWork<T>(session, result);
        }
    }

    /// <summary>
    /// Detects what the unit of work changed, once, and whether it changed anything. The call's context is compared by
    /// its JSON, so every automatic detection after it (asking whether anything changed, each observer reading what is
    /// added, the save itself) would serialize the context again; the unit of work only adds rows after this point.
    /// </summary>
    private static bool DetectChangesOnce(CallFlowDb db)
    {
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db.ChangeTracker.HasChanges();
    }

    /// <summary>Copies the columns the console filters on out of the call's context.</summary>
    private static void CopyColumns(Call call)
    {
        call.CurrentStepId = call.Context.CurrentStepId;
        call.FlowVersionId = call.Context.Conversation.FlowVersionId;
    }

    private List<Action> Saving(CallSession session)
    {
        var committed = new List<Action>(_observers.Length);
        foreach (var observer in _observers)
        {
            if (observer.Saving(session) is { } then)
            {
                committed.Add(then);
            }
        }

        return committed;
    }

    private void Saved(List<Action> committed)
    {
        foreach (var then in committed)
        {
            try
            {
                then();
            }
            catch (Exception e)
            {
                // The call is saved; an observer's bookkeeping must not turn that into a failed webhook.
                logger.LogError(e, "A call observer failed after the save");
            }
        }
    }

    /// <summary>Fires one trigger on a call (a status callback, a console action, a job).</summary>
    public async Task<FireResult?> FireAsync(string callSid, CallTrigger trigger, Actor actor, string? detail, CancellationToken cancellationToken)
    {
        var done = await ExecuteAsync(callSid, actor, session => Task.FromResult(session.Fire(trigger, detail)), cancellationToken);
        return done?.Result;
    }
}

/// <summary>The result of a unit of work and the session it ran in (already saved).</summary>
public sealed record CallWork<T>(CallSession Session, T Result);
