using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;

namespace CallFlow.Domain.Booking;

/// <summary>
/// The calendar as the conversation sees it: find and hold a slot for a caller, commit the booking, and find a
/// caller's upcoming appointment to reschedule or cancel. The Web implements it over the database (the commit is
/// transactional and enforced by the database); Domain tests use an in-memory one.
/// </summary>
/// <remarks>
/// Every method may fail because the calendar is unreachable: that is a <see cref="SlotOffer.CalendarUnavailable"/>
/// or <see cref="BookingOutcome.CalendarUnavailable"/> result, never an exception, so the conversation can take the
/// booking provisionally instead of losing it.
/// </remarks>
public interface IBookingDesk
{
    /// <summary>
    /// Looks for the slot a caller asked for. An exact time that is free is held for the call
    /// (<see cref="SlotOffer.Held"/>), replacing any slot the call held before in the same write; otherwise, or when no
    /// exact time was given, the nearest free slots are offered (<see cref="SlotOffer.Choices"/>) without holding them,
    /// and any earlier hold stays. The call's own holds never make its asked time look taken.
    /// </summary>
    Task<SlotOffer> OfferAsync(SlotRequest request, CancellationToken cancellationToken);

    /// <summary>Commits the booking. Idempotent per <see cref="BookingRequest.IdempotencyKey"/>: a repeated confirmation returns the same appointment.</summary>
    Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the call's live holds alive while the caller is still talking, once half their time is gone. Returns their
    /// new expiry, or null when nothing was extended (no live hold, not yet due, or the calendar cannot be reached).
    /// </summary>
    Task<DateTimeOffset?> ExtendHoldsAsync(string businessId, string callId, CancellationToken cancellationToken);

    /// <summary>Releases whatever the call holds (the caller changed their mind, hung up, or cancelled).</summary>
    Task ReleaseHoldsAsync(string businessId, string callId, CancellationToken cancellationToken);

    /// <summary>The caller's next upcoming appointment with this business, found by phone number (E.164).</summary>
    Task<UpcomingAppointment?> FindUpcomingAsync(string businessId, string phoneNumber, CancellationToken cancellationToken);

    /// <summary>Moves an appointment to a new start, with the same availability and conflict rules as a new booking.</summary>
    Task<BookingOutcome> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels an appointment; false if it does not exist or is already cancelled.</summary>
    Task<bool> CancelAsync(string businessId, string appointmentId, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// What the caller asked for: a service on a date, at an exact time, within a part of the day, or the earliest
/// available. <paramref name="CallId"/> owns any hold placed, so the caller's own hold never blocks them.
/// </summary>
public sealed record SlotRequest(
    string BusinessId,
    string CallId,
    ServiceOffering Service,
    DateOnly? Date,
    TimeOnly? Time = null,
    TimeRange? Within = null,
    bool Earliest = false,
    int ChoiceCount = 3);

public abstract record SlotOffer
{
    private SlotOffer()
    {
    }

    /// <summary>The exact slot is free and now held for the call until <paramref name="HeldUntil"/>.</summary>
    public sealed record Held(AvailableSlot Slot, DateTimeOffset HeldUntil) : SlotOffer;

    /// <summary>
    /// The nearest free slots (same day first). <paramref name="WhyNotRequested"/> says why the exact time asked for
    /// is not possible, when one was asked for. Empty <paramref name="Slots"/> means nothing is free within the horizon.
    /// </summary>
    public sealed record Choices(IReadOnlyList<AvailableSlot> Slots, SlotExplanation? WhyNotRequested) : SlotOffer;

    /// <summary>The calendar could not be reached; take the booking provisionally.</summary>
    public sealed record CalendarUnavailable(string Reason) : SlotOffer;
}

/// <summary>A booking to commit. The idempotency key is stable for one caller's confirmation (e.g. the CallSid).</summary>
public sealed record BookingRequest(
    string BusinessId,
    string CallId,
    ServiceOffering Service,
    DateTimeOffset StartUtc,
    string CustomerName,
    string CustomerPhone,
    string IdempotencyKey,
    string? ResourceId = null);

public sealed record RescheduleRequest(string BusinessId, string AppointmentId, string CallId, DateTimeOffset NewStartUtc);

public abstract record BookingOutcome
{
    private BookingOutcome()
    {
    }

    /// <summary>The appointment exists (newly created, or the one a repeated request already created).</summary>
    public sealed record Booked(string AppointmentId, AvailableSlot Slot, bool AlreadyBooked) : BookingOutcome;

    /// <summary>"Time slot no longer available": someone else took it; here are the nearest alternatives.</summary>
    public sealed record SlotTaken(SlotExplanation Why, IReadOnlyList<AvailableSlot> Alternatives) : BookingOutcome;

    /// <summary>The data is not bookable as given (unknown service, bad phone, in the past): the reason says what.</summary>
    public sealed record Rejected(string Reason) : BookingOutcome;

    /// <summary>The calendar could not be reached; the booking should be taken provisionally and retried.</summary>
    public sealed record CalendarUnavailable(string Reason) : BookingOutcome;
}

/// <summary>An appointment a caller already has, as the conversation reads it back.</summary>
public sealed record UpcomingAppointment(
    string AppointmentId,
    string ServiceId,
    string ServiceName,
    DateTimeOffset StartUtc,
    DateTimeOffset LocalStart,
    string CustomerName);
