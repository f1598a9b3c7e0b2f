using System.Globalization;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>What acting on a follow-up came to: done, due again later, or given up (with why).</summary>
internal abstract record FollowUpOutcome(string Note)
{
    public sealed record Done(string Note) : FollowUpOutcome(Note);

    public sealed record Later(DateTimeOffset DueAt, string Note) : FollowUpOutcome(Note);

    public sealed record GiveUp(string Note) : FollowUpOutcome(Note);
}

/// <summary>
/// Carries out one follow-up a call left (<see cref="CallFollowUp"/>): a promised callback goes in the callback book, a
/// message goes to the owner by text, a provisional booking is committed (<see cref="ProvisionalBookingJob"/>). Claims
/// the row first, so two runs act once.
/// </summary>
public sealed class FollowUpJob(
    IDbContextFactory<CallFlowDb> dbFactory,
    ProvisionalBookingJob provisional,
    OutgoingTexts texts,
    TimeProvider clock,
    ILogger<FollowUpJob> logger)
{
    /// <summary>How long a follow-up that failed unexpectedly waits before the next try, and how many tries it gets.</summary>
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromMinutes(1);

    private const int MaxAttemptsAfterErrors = 10;

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Follow-up #{0}")]
    public async Task RunAsync(long followUpId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.FollowUps.Where(f => f.Id == followUpId && f.Status == FollowUpStatus.Pending && f.DueAt <= now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(f => f.Status, FollowUpStatus.Working)
                .SetProperty(f => f.ClaimedAt, now)
                .SetProperty(f => f.Attempts, f => f.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var row = await db.FollowUps.SingleAsync(f => f.Id == followUpId, cancellationToken);
        FollowUpOutcome outcome;
        try
        {
            var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == row.CallId, cancellationToken);
            var business = await db.Businesses.AsNoTracking().Include(b => b.Services).FirstAsync(b => b.Id == row.BusinessId, cancellationToken);
            outcome = row.Read() switch
            {
                FollowUp.ScheduleCallback callback => await ScheduleCallbackAsync(db, call, business, callback, now, cancellationToken),
                FollowUp.DeliverMessage message => DeliverMessage(db, call, business, message),
                FollowUp.TakeProvisionalBooking booking => await provisional.RunAsync(db, row, call, business, booking, cancellationToken),
                var other => new FollowUpOutcome.GiveUp($"no job knows the follow-up {other.Kind}"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await db.FollowUps.Where(f => f.Id == followUpId)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.Status, FollowUpStatus.Pending).SetProperty(f => f.Attempts, f => f.Attempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Follow-up {FollowUpId} ({Kind}) failed (attempt {Attempt})", row.Id, row.Kind, row.Attempts);
            db.ChangeTracker.Clear();
            row = await db.FollowUps.SingleAsync(f => f.Id == followUpId, CancellationToken.None);
            outcome = row.Attempts >= MaxAttemptsAfterErrors
                ? new FollowUpOutcome.GiveUp($"failed {row.Attempts} times: {e.Message}")
                : new FollowUpOutcome.Later(now + RetryAfterError, e.Message);
        }

        Apply(row, outcome, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        texts.SendSoon();
    }

    private static void Apply(CallFollowUp row, FollowUpOutcome outcome, DateTimeOffset now)
    {
        row.Note = outcome.Note.Length > 1000 ? outcome.Note[..1000] : outcome.Note;
        row.ClaimedAt = null;
        switch (outcome)
        {
            case FollowUpOutcome.Later later:
                row.Status = FollowUpStatus.Pending;
                row.DueAt = later.DueAt;
                break;
            case FollowUpOutcome.GiveUp:
                row.Status = FollowUpStatus.Abandoned;
                row.CompletedAt = now;
                break;
            default:
                row.Status = FollowUpStatus.Done;
                row.CompletedAt = now;
                break;
        }
    }

    private async Task<FollowUpOutcome> ScheduleCallbackAsync(
        CallFlowDb db, Call call, Business business, FollowUp.ScheduleCallback promised, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var situation = RecoverySituation.Of(business.ToProfile(), call.State, call.Context, now) with { CallerNumber = promised.PhoneNumber };
        if (!situation.CanCallBack)
        {
            texts.ForOwner(db, business.Id, $"{business.Name}: a caller was promised a callback but their number is withheld ({promised.Reason}). Their call is in the console.", call.Id);
            return new FollowUpOutcome.Done("the number is withheld; the owner was told");
        }

        var due = RecoveryManager.NextCallbackAt(situation, 0) ?? now;
        var callback = await CallbackScheduler.ScheduleAsync(db, call.Id, business.Id, promised.PhoneNumber, due, promised.Reason, now, cancellationToken);
        RecoveryAudit.Note(db, call.Id, call.State, CallFlow.Domain.Calls.CallTrigger.RecoveryDecided, string.Create(CultureInfo.InvariantCulture,
            $"recovery: the callback promised on the phone is booked for {callback.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, up to {situation.Policy.CallbackMaxAttempts} attempts ({promised.Reason})"),
            RecoveryAudit.Recovery, now);
        return new FollowUpOutcome.Done(string.Create(CultureInfo.InvariantCulture, $"callback booked for {callback.DueAt:u}"));
    }

    private FollowUpOutcome DeliverMessage(CallFlowDb db, Call call, Business business, FollowUp.DeliverMessage message)
    {
        var from = RecoverySituation.IsCallable(message.From) ? message.From : "a caller who withheld their number";
        texts.ForOwner(db, business.Id, $"{business.Name}: message from {from}: \"{message.Text}\"", call.Id);
        return new FollowUpOutcome.Done("texted to the owner");
    }
}
