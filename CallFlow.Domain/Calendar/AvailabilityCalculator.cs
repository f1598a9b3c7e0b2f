using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>
/// The seed's <c>checkAvailability(business, service, date, duration)</c>: which slots a service can be booked
/// in, given the owner's rules, the appointments already booked, other callers' active holds and the current
/// instant. Pure and deterministic: the same inputs give the same slots on any server in any time zone.
/// </summary>
/// <remarks>
/// <para>A slot is offered when, in this order: the date has opening hours (a date override wins over the
/// weekly hours); the local start lies in an opening interval, exists that day and is on the slot grid
/// (every <see cref="CalendarRules.SlotMinutes"/> from the interval's opening time); the appointment ends by
/// the interval's close (buffers may lie outside opening hours: preparation before opening and clean-up after
/// closing are staff time); it starts at least the minimum notice after now and on or before
/// <see cref="LastBookableDate"/>; the date is under the daily limit; and adding it keeps every 5-minute unit
/// of its occupied time (start − buffer before … end + buffer after) within capacity, counting appointments
/// and active holds with their buffers — business-wide, and in at least one resource that offers the service
/// when the business has resources.</para>
/// <para>Clock changes: slots are generated on the local wall clock and each local time is offered at most
/// once per day. Times that do not exist (spring forward) are never offered; a repeated hour (fall back) is
/// offered once, at its first occurrence (daylight time, RFC 5545 §3.3.5); the second occurrence yields no
/// slot starts, so nothing is doubled. Durations are elapsed time: a slot's end is its start plus the
/// duration, whatever the clocks do in between.</para>
/// <para>An instance answers for one moment (<see cref="Now"/>) and one set of bookings; build one per request.
/// It is not safe for concurrent use.</para>
/// </remarks>
public sealed class AvailabilityCalculator
{
    private readonly ZoneClock _clock;
    private readonly WeeklySchedule _schedule;
    private readonly Occupant[] _occupants;
    private readonly long _longestOccupant;
    private readonly Dictionary<DateOnly, int> _startsPerDay = [];
    private readonly long _earliestStart;

    /// <param name="rules">The owner's rules; they must pass <see cref="CalendarRules.Validate"/>.</param>
    /// <param name="appointments">
    /// Booked (not cancelled) appointments. Pass at least those whose occupied time (with buffers) comes within a
    /// day of the dates you will ask about, and with a daily limit all that start on those local dates; passing
    /// more is harmless, as appointments far from the searched dates are skipped by binary search.
    /// </param>
    /// <param name="holds">Holds; expired ones and those of <paramref name="forCallId"/> are ignored.</param>
    /// <param name="now">The current instant (from the injected TimeProvider).</param>
    /// <param name="forCallId">The call asking, so its own hold does not block it.</param>
    /// <exception cref="ArgumentException">The rules do not validate.</exception>
    public AvailabilityCalculator(
        CalendarRules rules, IEnumerable<BookedAppointment> appointments, IEnumerable<SlotHold> holds, DateTimeOffset now, string? forCallId = null)
    {
        var problems = rules.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Calendar rules are invalid: " + string.Join(" ", problems.Select(p => p.Message)), nameof(rules));
        }

        Rules = rules;
        Now = now;
        _clock = new ZoneClock(TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZoneId));
        _schedule = WeeklySchedule.From(rules);
        Today = _clock.Today(now);
        _earliestStart = CeilingMinute(now.AddMinutes(rules.MinimumNoticeMinutes));

        Appointments = [.. appointments];
        Holds = [.. holds.Where(h => h.IsActiveAt(now) && h.CallId != forCallId)];
        _occupants = [.. Appointments.Select(Occupant.Of).Concat(Holds.Select(Occupant.Of)).OrderBy(o => o.OccupiedFrom)];
        _longestOccupant = _occupants.Length == 0 ? 0 : _occupants.Max(o => o.OccupiedUntil - o.OccupiedFrom);

        if (rules.DailyLimit is not null)
        {
            foreach (var start in Appointments.Select(a => a.Start).Concat(Holds.Select(h => h.Start)))
            {
                var date = _clock.ToLocal(ZoneClock.EpochMinute(start)).Date;
                _startsPerDay[date] = _startsPerDay.GetValueOrDefault(date) + 1;
            }
        }
    }

    public CalendarRules Rules { get; }

    public DateTimeOffset Now { get; }

    public TimeZoneInfo TimeZone => _clock.Zone;

    /// <summary>The local date of <see cref="Now"/> in the business's time zone.</summary>
    public DateOnly Today { get; }

    /// <summary>The last local date callers can book: today plus the horizon.</summary>
    public DateOnly LastBookableDate => Today.AddDays(Rules.HorizonDays);

    internal IReadOnlyList<BookedAppointment> Appointments { get; }

    /// <summary>Active holds of other calls.</summary>
    internal IReadOnlyList<SlotHold> Holds { get; }

    internal ZoneClock Clock => _clock;

    /// <summary>
    /// Free slots for a service on one local date, earliest first. For a different length than the service's
    /// (the seed's duration argument), pass <c>service with { DurationMinutes = … }</c>.
    /// </summary>
    public IReadOnlyList<AvailableSlot> FreeSlots(ServiceOffering service, DateOnly date) => FreeSlots(service, date, date);

    /// <summary>Free slots for a service on every local date from <paramref name="from"/> through <paramref name="through"/>, earliest first.</summary>
    public IReadOnlyList<AvailableSlot> FreeSlots(ServiceOffering service, DateOnly from, DateOnly through)
    {
        var slots = new List<AvailableSlot>();
        from = from < Today ? Today : from;
        through = through > LastBookableDate ? LastBookableDate : through;
        if (through < from)
        {
            return slots;
        }

        var window = Window(service, from, through);
        for (var date = from; date <= through; date = date.AddDays(1))
        {
            var day = _schedule.HoursOn(date);
            if (day.IsClosed || _startsPerDay.GetValueOrDefault(date) >= (Rules.DailyLimit ?? int.MaxValue))
            {
                continue;
            }

            foreach (var interval in day.Intervals)
            {
                for (var minute = interval.StartMinute; minute < interval.EndMinute; minute += Rules.SlotMinutes)
                {
                    var evaluation = Evaluate(window, day, service, minute, resourceId: null);
                    if (evaluation.Verdict == SlotVerdict.Offered)
                    {
                        slots.Add(evaluation.ToSlot(_clock, service));
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>
    /// The commit's re-check: does the appointment for <paramref name="service"/> starting exactly at
    /// <paramref name="start"/> still fit, with <paramref name="resourceId"/> if given? Run it inside the booking
    /// transaction on freshly read appointments and holds (with the committing call as <c>forCallId</c>);
    /// <see cref="CapacityClaims"/> then makes the database refuse a concurrent winner.
    /// </summary>
    public SlotExplanation Check(ServiceOffering service, DateTimeOffset start, string? resourceId = null)
    {
        var minute = ZoneClock.EpochMinute(start);
        var (date, minuteOfDay) = _clock.ToLocal(minute);
        var day = _schedule.HoursOn(date);
        if (start.UtcTicks % TimeSpan.TicksPerMinute != 0)
        {
            return SlotExplainer.Describe(this, service, new SlotEvaluation(SlotVerdict.NotOnSlotGrid, day, minuteOfDay));
        }

        // Local times read as their first occurrence, so an instant in the second pass of a repeated hour
        // evaluates a different instant: refuse it rather than book what the caller did not hold.
        var evaluation = Evaluate(service, date, minuteOfDay, resourceId);
        return SlotExplainer.Describe(this, service, evaluation.Start is { } first && first != minute
            ? new SlotEvaluation(SlotVerdict.RepeatedLocalTime, day, minuteOfDay)
            : evaluation);
    }

    internal SlotEvaluation Evaluate(ServiceOffering service, DateOnly date, int minuteOfDay, string? resourceId) =>
        Evaluate(Window(service, date, date), _schedule.HoursOn(date), service, minuteOfDay, resourceId);

    private SlotEvaluation Evaluate(SearchWindow window, DayHours day, ServiceOffering service, int minuteOfDay, string? resourceId)
    {
        var verdict = new SlotEvaluation(SlotVerdict.Closed, day, minuteOfDay);
        if (day.IsClosed)
        {
            return verdict;
        }

        var interval = day.Intervals.FirstOrDefault(i => i.StartMinute <= minuteOfDay && minuteOfDay < i.EndMinute);
        if (interval is null)
        {
            return verdict with { Verdict = SlotVerdict.OutsideHours };
        }

        verdict = verdict with { Interval = interval };
        if (_clock.TryResolve(day.Date, minuteOfDay) is not { } start)
        {
            return verdict with { Verdict = SlotVerdict.NonexistentLocalTime };
        }

        if ((minuteOfDay - interval.StartMinute) % Rules.SlotMinutes != 0)
        {
            return verdict with { Verdict = SlotVerdict.NotOnSlotGrid };
        }

        verdict = verdict with { Start = start };
        var failed = start + service.DurationMinutes > _clock.ResolveBoundary(day.Date, interval.EndMinute) ? SlotVerdict.RunsPastClosing
            : start < _earliestStart ? SlotVerdict.TooSoon
            : day.Date > LastBookableDate ? SlotVerdict.BeyondHorizon
            : _startsPerDay.GetValueOrDefault(day.Date) >= (Rules.DailyLimit ?? int.MaxValue) ? SlotVerdict.DailyLimitReached
            : SlotVerdict.Offered;
        if (failed != SlotVerdict.Offered)
        {
            return verdict with { Verdict = failed };
        }

        var resources = resourceId is null ? window.Resources : [.. window.Resources.Where(r => r.Resource.Id == resourceId)];
        if (Rules.Resources.Count > 0 && resources.Count == 0)
        {
            return verdict with { Verdict = SlotVerdict.NoStaffForService };
        }

        var slot = Occupant.ForSlot(start, service);
        var room = window.Business.RoomFor(slot, Rules.Capacity);
        if (room == Room.Free && resources.Count > 0)
        {
            var rooms = resources.Select(r => (r.Resource.Id, Room: r.Occupancy.RoomFor(slot, r.Resource.Capacity))).ToList();
            var free = rooms.Where(r => r.Room == Room.Free).Select(r => r.Id).ToList();
            room = free.Count > 0 ? Room.Free : rooms.Max(r => r.Room);
            verdict = verdict with { FreeResourceIds = free, ResourcesFull = free.Count == 0 };
        }

        return verdict with
        {
            Verdict = room switch
            {
                Room.Free => SlotVerdict.Offered,
                Room.Taken => SlotVerdict.Taken,
                Room.Buffer => SlotVerdict.Buffer,
                _ => SlotVerdict.HeldByAnotherCaller,
            },
        };
    }

    /// <summary>Occupancy of the business and of the resources offering the service, over the searched dates.</summary>
    private SearchWindow Window(ServiceOffering service, DateOnly from, DateOnly through)
    {
        // Local midnight is within a day of the same digits read as UTC, whatever the zone's offset.
        var firstMinute = ZoneClock.EpochMinute(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            - TimeRange.MinutesPerDay - service.BufferBeforeMinutes;
        var untilMinute = ZoneClock.EpochMinute(new DateTimeOffset(through.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            + TimeRange.MinutesPerDay + service.DurationMinutes + service.BufferAfterMinutes;
        var (firstUnit, untilUnit) = (CapacityClaims.UnitAt(firstMinute), CapacityClaims.UnitCeiling(untilMinute));

        var nearby = new List<Occupant>();
        var index = LowerBound(firstUnit - _longestOccupant);
        for (; index < _occupants.Length && _occupants[index].OccupiedFrom < untilUnit; index++)
        {
            if (_occupants[index].OccupiedUntil > firstUnit)
            {
                nearby.Add(_occupants[index]);
            }
        }

        var resources = Rules.Resources.Where(r => r.Offers(service))
            .Select(r => (r, new Occupancy(firstUnit, untilUnit, nearby.Where(o => o.ResourceId == r.Id))))
            .ToList();
        return new SearchWindow(new Occupancy(firstUnit, untilUnit, nearby), resources);
    }

    private int LowerBound(long unit)
    {
        var (low, high) = (0, _occupants.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = _occupants[middle].OccupiedFrom < unit ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private static long CeilingMinute(DateTimeOffset instant) =>
        ZoneClock.EpochMinute(instant) + (instant.UtcTicks % TimeSpan.TicksPerMinute == 0 ? 0 : 1);

    private sealed record SearchWindow(Occupancy Business, IReadOnlyList<(CalendarResource Resource, Occupancy Occupancy)> Resources);
}
