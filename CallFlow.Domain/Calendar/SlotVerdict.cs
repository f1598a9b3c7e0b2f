namespace CallFlow.Domain.Calendar;

/// <summary>
/// Whether a slot is offered and, if not, the first rule that removes it. Rules are checked in this order,
/// so an explanation names the most basic reason (a Sunday is "closed" even if it is also in the past).
/// </summary>
public enum SlotVerdict
{
    /// <summary>The slot is free and offered.</summary>
    Offered,

    /// <summary>No opening hours that date (a weekly closed day or a closed-date override).</summary>
    Closed,

    /// <summary>The start is not inside any opening interval of the day (before opening, after closing, in a break).</summary>
    OutsideHours,

    /// <summary>The local time is skipped when clocks jump forward that night.</summary>
    NonexistentLocalTime,

    /// <summary>The instant is the second occurrence of a repeated local hour; only the first is bookable.</summary>
    RepeatedLocalTime,

    /// <summary>Not on the slot grid: slots start every <see cref="CalendarRules.SlotMinutes"/> from each opening time.</summary>
    NotOnSlotGrid,

    /// <summary>The service would end after its interval closes (or the break starts).</summary>
    RunsPastClosing,

    /// <summary>Starts sooner than the minimum notice allows, or has already begun.</summary>
    TooSoon,

    /// <summary>Further ahead than the booking horizon.</summary>
    BeyondHorizon,

    /// <summary>The day already has as many appointments (and holds) as the daily limit.</summary>
    DailyLimitReached,

    /// <summary>The business books with resources and none of them (or not the requested one) offers this service.</summary>
    NoStaffForService,

    /// <summary>Appointments fill every seat during the slot's own time.</summary>
    Taken,

    /// <summary>Seats are free during the slot's time, but a buffer (preparation, clean-up) would overlap.</summary>
    Buffer,

    /// <summary>It would be free but for another caller's active hold.</summary>
    HeldByAnotherCaller,
}

/// <summary>A verdict on one slot with the sentence the console shows owners; <see cref="Slot"/> is set when offered.</summary>
public sealed record SlotExplanation(SlotVerdict Verdict, string Message, AvailableSlot? Slot)
{
    public bool IsOffered => Verdict == SlotVerdict.Offered;
}
