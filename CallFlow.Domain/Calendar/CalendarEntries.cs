using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>
/// An appointment already in the calendar, as the availability rules see it. <see cref="Start"/> and
/// <see cref="End"/> are the customer's time (any offset; compared as instants). The buffers are copied
/// from the service when it was booked, so later edits to the service do not move existing bookings; the
/// appointment occupies its seat from <see cref="OccupiedFrom"/> to <see cref="OccupiedUntil"/>.
/// </summary>
/// <param name="Start">When the customer's appointment starts.</param>
/// <param name="End">When it ends (start plus the service's duration).</param>
/// <param name="BufferBeforeMinutes">Preparation time before the start, from the service at booking time.</param>
/// <param name="BufferAfterMinutes">Clean-up time after the end, from the service at booking time.</param>
/// <param name="ResourceId">The staff member or room it is booked with, when the business has resources.</param>
public sealed record BookedAppointment(
    DateTimeOffset Start,
    DateTimeOffset End,
    int BufferBeforeMinutes = 0,
    int BufferAfterMinutes = 0,
    string? ResourceId = null)
{
    public DateTimeOffset OccupiedFrom => Start.AddMinutes(-BufferBeforeMinutes);

    public DateTimeOffset OccupiedUntil => End.AddMinutes(BufferAfterMinutes);

    /// <summary>The appointment a service takes when it starts at <paramref name="start"/>.</summary>
    public static BookedAppointment For(ServiceOffering service, DateTimeOffset start, string? resourceId = null) =>
        new(start, start.AddMinutes(service.DurationMinutes), service.BufferBeforeMinutes, service.BufferAfterMinutes, resourceId);
}

/// <summary>
/// A slot reserved for a caller who is still on the phone, so nobody else is offered it. A hold blocks like
/// an appointment (with the same buffers) until <see cref="ExpiresAt"/>; holds owned by the call asking for
/// availability are ignored, so a caller never competes with their own hold. Holds are advisory: only
/// committed appointments claim capacity in the database (<see cref="CapacityClaims"/>).
/// </summary>
/// <param name="CallId">The call that holds it (its CallSid).</param>
/// <param name="Start">When the held appointment would start.</param>
/// <param name="End">When it would end.</param>
/// <param name="ExpiresAt">When the hold lapses unless the call extends it; extend while the call is active.</param>
/// <param name="BufferBeforeMinutes">The service's preparation time.</param>
/// <param name="BufferAfterMinutes">The service's clean-up time.</param>
/// <param name="ResourceId">The staff member or room the slot is held with, when the business has resources.</param>
public sealed record SlotHold(
    string CallId,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset ExpiresAt,
    int BufferBeforeMinutes = 0,
    int BufferAfterMinutes = 0,
    string? ResourceId = null)
{
    /// <summary>How long a hold lasts unless the call extends it.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt > now;

    /// <summary>Holds a slot the calculator offered, for <paramref name="lifetime"/> (default 5 minutes) from <paramref name="now"/>.</summary>
    public static SlotHold For(
        string callId, ServiceOffering service, AvailableSlot slot, DateTimeOffset now, TimeSpan? lifetime = null, string? resourceId = null) =>
        new(callId, slot.StartUtc, slot.EndUtc, now + (lifetime ?? DefaultLifetime),
            service.BufferBeforeMinutes, service.BufferAfterMinutes, resourceId ?? slot.FreeResourceIds.FirstOrDefault());

    /// <summary>The appointment this hold becomes when the caller confirms.</summary>
    public BookedAppointment ToAppointment() => new(Start, End, BufferBeforeMinutes, BufferAfterMinutes, ResourceId);
}
