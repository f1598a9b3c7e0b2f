namespace CallFlow.Domain.Calendar;

/// <summary>One unit an appointment must claim a seat in: <see cref="Seats"/> is how many seats that pool has.</summary>
public sealed record ClaimUnit(string Pool, long Unit, int Seats);

/// <summary>A row of the claims table (without BusinessId and AppointmentId, which the Web adds).</summary>
public sealed record CapacityClaim(string Pool, long Unit, int Seat);

/// <summary>
/// Turns appointments into database rows whose unique index makes over-booking impossible, even for
/// concurrent commits on several app instances. The in-memory check (<see cref="AvailabilityCalculator.Check"/>)
/// gives callers a friendly answer; these claims are what actually guarantees capacity.
/// </summary>
/// <remarks>
/// <para><b>Table.</b> <c>CalendarClaims(BusinessId, Pool, Unit, Seat, AppointmentId)</c> with a unique index on
/// <c>(BusinessId, Pool, Unit, Seat)</c> and an index on <c>AppointmentId</c>. Pool is a string of at most
/// 100 characters, Unit a 64-bit integer, Seat a 32-bit integer.</para>
/// <para><b>Units.</b> Time is cut into 5-minute units on the UTC timeline: unit <c>u</c> covers
/// [Unix epoch + 5u minutes, Unix epoch + 5(u+1) minutes), so clock changes never matter. An appointment
/// occupies units <see cref="UnitAt(DateTimeOffset)"/>(Start − buffer before) up to, not including,
/// <see cref="UnitCeiling(DateTimeOffset)"/>(End + buffer after) — the same units availability counts.</para>
/// <para><b>Pools.</b> <see cref="BusinessPool"/>: one row per occupied unit, seats 0 … Capacity − 1.
/// <see cref="ResourcePool"/>(id): the same units again when the appointment is booked with a resource listed in
/// the rules, seats 0 … that resource's Capacity − 1. <see cref="DayPool"/>: when a daily limit is set, one row
/// whose Unit is the <see cref="DateOnly.DayNumber"/> of the appointment's local start date, seats
/// 0 … DailyLimit − 1. <see cref="Needed"/> lists all of them.</para>
/// <para><b>Booking</b> (one transaction): re-check with <see cref="AvailabilityCalculator.Check"/> on freshly read
/// appointments and holds; read the existing claims for the needed (Pool, Unit) pairs; <see cref="Assign"/> picks
/// the lowest free seat of each unit (null: full, the caller lost); insert the appointment and the claims; commit.
/// A unique-index violation means a concurrent commit took a seat first: answer "no longer available" with
/// alternatives (or retry the whole transaction once, since with capacity above one both may have picked the same
/// seat while another was still free).</para>
/// <para><b>Why it holds.</b> Each (Pool, Unit) can have at most Seats rows because seats are numbered below Seats
/// and the index is unique, so no unit ever has more appointments than the pool's capacity. Two transactions that
/// both saw the last seat free both insert the same key; the database lets only one commit.</para>
/// <para><b>Cancel</b> deletes the appointment's claims in the same transaction; <b>reschedule</b> deletes the old
/// claims and inserts the new ones in one transaction. Holds never claim: they only stop the slot being offered.
/// Lowering a capacity leaves existing rows alone; they still count, and new claims use the lower seats.</para>
/// </remarks>
public static class CapacityClaims
{
    public const int UnitMinutes = 5;

    public const string BusinessPool = "business";

    public const string DayPool = "day";

    public static string ResourcePool(string resourceId) => "resource:" + resourceId;

    /// <summary>The unit containing an instant.</summary>
    public static long UnitAt(DateTimeOffset instant) => UnitAt(ZoneClock.EpochMinute(instant));

    /// <summary>The first unit starting at or after an instant (where an occupied stretch ending then stops).</summary>
    public static long UnitCeiling(DateTimeOffset instant)
    {
        var unit = UnitAt(instant);
        return UnitStart(unit) == instant ? unit : unit + 1;
    }

    public static DateTimeOffset UnitStart(long unit) => ZoneClock.Instant(unit * UnitMinutes);

    /// <summary>Every unit, per pool, that <paramref name="appointment"/> must claim a seat in under <paramref name="rules"/>.</summary>
    public static IReadOnlyList<ClaimUnit> Needed(CalendarRules rules, BookedAppointment appointment)
    {
        var (from, until) = (UnitAt(appointment.OccupiedFrom), UnitCeiling(appointment.OccupiedUntil));
        var needed = new List<ClaimUnit>();
        for (var unit = from; unit < until; unit++)
        {
            needed.Add(new ClaimUnit(BusinessPool, unit, rules.Capacity));
        }

        if (rules.Resources.FirstOrDefault(r => r.Id == appointment.ResourceId) is { } resource)
        {
            for (var unit = from; unit < until; unit++)
            {
                needed.Add(new ClaimUnit(ResourcePool(resource.Id), unit, resource.Capacity));
            }
        }

        if (rules.DailyLimit is { } limit)
        {
            var clock = new ZoneClock(TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZoneId));
            needed.Add(new ClaimUnit(DayPool, clock.ToLocal(ZoneClock.EpochMinute(appointment.Start)).Date.DayNumber, limit));
        }

        return needed;
    }

    /// <summary>
    /// The claims to insert: for each needed unit the lowest seat not in <paramref name="existing"/> (the rows
    /// already stored for those pools and units); null when some unit has no free seat.
    /// </summary>
    public static IReadOnlyList<CapacityClaim>? Assign(IEnumerable<ClaimUnit> needed, IEnumerable<CapacityClaim> existing)
    {
        var taken = existing.ToLookup(c => (c.Pool, c.Unit), c => c.Seat);
        var claims = new List<CapacityClaim>();
        foreach (var unit in needed)
        {
            var seats = taken[(unit.Pool, unit.Unit)].ToHashSet();
            var seat = Enumerable.Range(0, unit.Seats).FirstOrDefault(s => !seats.Contains(s), -1);
            if (seat < 0)
            {
                return null;
            }

            claims.Add(new CapacityClaim(unit.Pool, unit.Unit, seat));
        }

        return claims;
    }

    internal static long UnitAt(long epochMinute) => Math.DivRem(epochMinute, UnitMinutes) is var (unit, rest) && rest < 0 ? unit - 1 : unit;

    internal static long UnitCeiling(long epochMinute) => UnitAt(epochMinute + UnitMinutes - 1);
}
