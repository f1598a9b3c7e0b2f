using CallFlow.Domain.Booking;
using CallFlow.Web.Telephony;

namespace CallFlow.Web.Calendar;

/// <summary>
/// Frees a caller's held slots as soon as the carrier reports the call ended, so the next caller is offered them at
/// once. Calls that end some other way (the assistant hangs up first) stop counting anyway: availability ignores the
/// holds of ended calls.
/// </summary>
public sealed class HoldsReleasedOnHangUp(IBookingDesk desk) : ICallEndedHandler
{
    public async Task CallEndedAsync(CallEndedByCarrier ended, CancellationToken cancellationToken)
    {
        // The conversation names the call by its CallSid; the row id is released too in case it used that.
        await desk.ReleaseHoldsAsync(ended.BusinessId, ended.CallSid, cancellationToken);
        await desk.ReleaseHoldsAsync(ended.BusinessId, ended.CallId, cancellationToken);
    }
}
