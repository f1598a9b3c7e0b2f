using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>
/// Something that takes a seat: an appointment or another caller's hold, in 5-minute units
/// (<see cref="CapacityClaims.UnitMinutes"/>). Core is the customer's time, Occupied adds the buffers.
/// </summary>
internal readonly record struct Occupant(long OccupiedFrom, long CoreFrom, long CoreUntil, long OccupiedUntil, string? ResourceId, bool IsHold)
{
    public static Occupant Of(BookedAppointment appointment) => new(
        CapacityClaims.UnitAt(appointment.OccupiedFrom), CapacityClaims.UnitAt(appointment.Start),
        CapacityClaims.UnitCeiling(appointment.End), CapacityClaims.UnitCeiling(appointment.OccupiedUntil),
        appointment.ResourceId, IsHold: false);

    public static Occupant Of(SlotHold hold) => Of(hold.ToAppointment()) with { IsHold = true };

    public static Occupant ForSlot(long startMinute, ServiceOffering service)
    {
        var end = startMinute + service.DurationMinutes;
        return new(CapacityClaims.UnitAt(startMinute - service.BufferBeforeMinutes), CapacityClaims.UnitAt(startMinute),
            CapacityClaims.UnitCeiling(end), CapacityClaims.UnitCeiling(end + service.BufferAfterMinutes), ResourceId: null, IsHold: false);
    }
}

/// <summary>Why a pool has no room for a slot, from the hardest reason to the softest.</summary>
internal enum Room { Free, Taken, Buffer, Held }

/// <summary>
/// How many seats of one pool (the business, or one resource) are taken in each 5-minute unit of a window,
/// split by cause so an explanation can say why. Built with difference arrays in one pass over the occupants
/// that touch the window, so a query costs the length of the slot, not the number of bookings.
/// </summary>
internal sealed class Occupancy
{
    private readonly long _firstUnit;
    private readonly int[] _core;
    private readonly int[] _buffer;
    private readonly int[] _held;

    public Occupancy(long firstUnit, long untilUnit, IEnumerable<Occupant> occupants)
    {
        _firstUnit = firstUnit;
        var length = (int)(untilUnit - firstUnit) + 1;
        _core = new int[length];
        _buffer = new int[length];
        _held = new int[length];
        foreach (var o in occupants)
        {
            if (o.IsHold)
            {
                Add(_held, o.OccupiedFrom, o.OccupiedUntil);
            }
            else
            {
                Add(_core, o.CoreFrom, o.CoreUntil);
                Add(_buffer, o.OccupiedFrom, o.CoreFrom);
                Add(_buffer, o.CoreUntil, o.OccupiedUntil);
            }
        }

        Accumulate(_core);
        Accumulate(_buffer);
        Accumulate(_held);
    }

    /// <summary>
    /// Whether one more occupant fits with <paramref name="capacity"/> seats; if not, the hardest cause:
    /// Taken when appointments fill the slot's own time, Buffer when only buffers collide, Held when only holds do.
    /// </summary>
    public Room RoomFor(Occupant slot, int capacity)
    {
        if (Max(slot.OccupiedFrom, slot.OccupiedUntil, core: true, buffer: true, held: true) < capacity)
        {
            return Room.Free;
        }

        if (Max(slot.CoreFrom, slot.CoreUntil, core: true, buffer: false, held: false) >= capacity)
        {
            return Room.Taken;
        }

        return Max(slot.OccupiedFrom, slot.OccupiedUntil, core: true, buffer: true, held: false) >= capacity ? Room.Buffer : Room.Held;
    }

    private int Max(long from, long until, bool core, bool buffer, bool held)
    {
        var max = 0;
        for (var unit = Math.Max(from, _firstUnit); unit < until && unit - _firstUnit < _core.Length - 1; unit++)
        {
            var i = (int)(unit - _firstUnit);
            var count = (core ? _core[i] : 0) + (buffer ? _buffer[i] : 0) + (held ? _held[i] : 0);
            max = Math.Max(max, count);
        }

        return max;
    }

    private void Add(int[] counts, long from, long until)
    {
        var start = Math.Max(from, _firstUnit) - _firstUnit;
        var end = Math.Min(until, _firstUnit + counts.Length - 1) - _firstUnit;
        if (start < end)
        {
            counts[start]++;
            counts[end]--;
        }
    }

    private static void Accumulate(int[] counts)
    {
        for (var i = 1; i < counts.Length; i++)
        {
            counts[i] += counts[i - 1];
        }
    }
}
