using CallFlow.Domain.Booking;

namespace CallFlow.Web.Conversation;

/// <summary>
/// Stands in when no booking desk is registered (the calendar feature is missing from this build): every answer is
/// "calendar unavailable", so callers are still answered and their bookings are taken provisionally rather than
/// failing the call. It is never registered; the receptionist falls back to it and logs that it did.
/// </summary>
internal sealed class UnreachableCalendar : IBookingDesk
{
    public static readonly UnreachableCalendar Instance = new();

    private const string Reason = "no booking desk is registered";

    public Task<SlotOffer> OfferAsync(SlotRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<SlotOffer>(new SlotOffer.CalendarUnavailable(Reason));

    public Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<BookingOutcome>(new BookingOutcome.CalendarUnavailable(Reason));

    public Task ExtendHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReleaseHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<UpcomingAppointment?> FindUpcomingAsync(string businessId, string phoneNumber, CancellationToken cancellationToken) =>
        Task.FromResult<UpcomingAppointment?>(null);

    public Task<BookingOutcome> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<BookingOutcome>(new BookingOutcome.CalendarUnavailable(Reason));

    public Task<bool> CancelAsync(string businessId, string appointmentId, string reason, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
