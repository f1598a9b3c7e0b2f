using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>What to offer a caller whose time is not free: the nearest free slots around the time they asked for.</summary>
public static class SlotAlternatives
{
    private static readonly int[] ChunkDays = [7, 28];

    /// <summary>
    /// Up to <paramref name="count"/> free slots around <paramref name="around"/> on <paramref name="date"/> (local):
    /// first that day's slots, closest on the clock first (the earlier one on a tie), then each following day up to
    /// <see cref="AvailabilityCalculator.LastBookableDate"/>, again closest to the requested time of day first — a
    /// caller who wanted 3 pm hears "Wednesday at 3" before "Wednesday at 9". Earlier days are never suggested.
    /// The requested time itself comes first when it is free. With <paramref name="within"/> (for example
    /// <see cref="TimeRange.Afternoon"/>), only slots starting inside that part of the day count. With
    /// <paramref name="through"/>, the search stops after that date: a calculator over some days only answers for those,
    /// and when it finds fewer than <paramref name="count"/> there, the caller searches a calculator over more days.
    /// </summary>
    public static IReadOnlyList<AvailableSlot> Alternatives(
        this AvailabilityCalculator availability, ServiceOffering service, DateOnly date, TimeOnly around, int count = 3, TimeRange? within = null,
        DateOnly? through = null)
    {
        var found = new List<AvailableSlot>();
        if (count <= 0)
        {
            return found;
        }

        var aroundMinute = TimeRange.MinuteOf(around);
        int Distance(AvailableSlot slot) => Math.Abs(TimeRange.MinuteOf(slot.LocalTime) - aroundMinute);

        var last = through is { } bound && bound < availability.LastBookableDate ? bound : availability.LastBookableDate;
        var from = date;
        var chunk = 0;
        while (found.Count < count && from <= last)
        {
            // The requested day alone first, then a week, then four weeks at a time: most searches end early.
            var until = from == date ? date : from.AddDays(ChunkDays[Math.Min(chunk++, ChunkDays.Length - 1)] - 1);
            until = until < last ? until : last;
            var byDay = availability.FreeSlots(service, from, until)
                .Where(slot => within is null || within.Contains(slot.LocalTime))
                .GroupBy(slot => slot.LocalDate)
                .OrderBy(day => day.Key);
            foreach (var day in byDay)
            {
                found.AddRange(day.OrderBy(Distance).ThenBy(slot => slot.StartUtc).Take(count - found.Count));
                if (found.Count == count)
                {
                    break;
                }
            }

            from = until.AddDays(1);
        }

        return found;
    }
}
