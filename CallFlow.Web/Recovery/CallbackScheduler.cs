using CallFlow.Web.Calls;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Puts callbacks in the book and takes them out: one open callback per call (a second would ring the customer twice),
/// cancelled when the caller reaches us first.
/// </summary>
public static class CallbackScheduler
{
    /// <summary>
    /// Adds a pending callback to <paramref name="phoneNumber"/> at <paramref name="dueAt"/> to the unit of work, or
    /// returns the call's open one. Saved with the caller's changes.
    /// </summary>
    public static async Task<CallbackRequest> ScheduleAsync(
        CallFlowDb db, string callId, string businessId, string phoneNumber, DateTimeOffset dueAt, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.CallbackRequests.FirstOrDefaultAsync(r => r.CallId == callId
            && (r.Status == CallbackStatus.Pending || r.Status == CallbackStatus.Dialing || r.Status == CallbackStatus.Placed), cancellationToken);
        if (open is not null)
        {
            return open;
        }

        var request = new CallbackRequest
        {
            CallId = callId,
            BusinessId = businessId,
            PhoneNumber = phoneNumber,
            DueAt = dueAt,
            RequestedBy = CallbackRequest.ByRecovery,
            RequestedAt = now,
            Reason = reason.Length > 500 ? reason[..500] : reason,
        };
        db.CallbackRequests.Add(request);
        return request;
    }

    /// <summary>
    /// Cancels the call's open callbacks (the caller reached us first); returns their ids. One already ringing rings on,
    /// but is not tried again if nobody answers.
    /// </summary>
    public static async Task<IReadOnlyList<long>> CancelOpenAsync(CallFlowDb db, string callId, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.CallbackRequests
            .Where(r => r.CallId == callId && (r.Status == CallbackStatus.Pending || r.Status == CallbackStatus.Dialing || r.Status == CallbackStatus.Placed))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return open;
        }

        await db.CallbackRequests.Where(r => open.Contains(r.Id) && r.Status != CallbackStatus.Answered)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, CallbackStatus.Cancelled)
                .SetProperty(r => r.Note, why)
                .SetProperty(r => r.CompletedAt, now), cancellationToken);
        return open;
    }
}
