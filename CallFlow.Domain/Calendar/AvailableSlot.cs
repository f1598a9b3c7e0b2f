namespace CallFlow.Domain.Calendar;

/// <summary>
/// A free slot for one service: when the customer's appointment starts and ends, both as UTC instants and
/// as local times in the business's time zone (the offset says which side of a clock change it is on).
/// </summary>
/// <param name="StartUtc">The start instant (offset zero).</param>
/// <param name="EndUtc">The end instant: start plus the service's duration, in elapsed time.</param>
/// <param name="LocalStart">The start in the business's time zone, with the offset in force then.</param>
/// <param name="LocalEnd">The end in the business's time zone, with the offset in force then.</param>
/// <param name="FreeResourceIds">The staff members or rooms free for the whole slot, in the owner's order; empty when the business has none.</param>
public sealed record AvailableSlot(
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    IReadOnlyList<string> FreeResourceIds)
{
    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart.DateTime);

    public TimeOnly LocalTime => TimeOnly.FromDateTime(LocalStart.DateTime);
}
