using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>What the calculator found for one local start time; shared by the slot list, the explainer and the commit check.</summary>
internal readonly record struct SlotEvaluation(SlotVerdict Verdict, DayHours Day, int MinuteOfDay)
{
    /// <summary>The opening interval the start falls in, when it falls in one.</summary>
    public TimeRange? Interval { get; init; }

    /// <summary>The start instant (epoch minutes), once the local time is known to exist.</summary>
    public long? Start { get; init; }

    public IReadOnlyList<string> FreeResourceIds { get; init; } = [];

    /// <summary>The business had room but no resource offering the service did.</summary>
    public bool ResourcesFull { get; init; }

    public AvailableSlot ToSlot(ZoneClock clock, ServiceOffering service)
    {
        var start = Start ?? throw new InvalidOperationException("A slot that was never placed on the clock has no start.");
        var end = start + service.DurationMinutes;
        return new AvailableSlot(ZoneClock.Instant(start), ZoneClock.Instant(end), clock.LocalTime(start), clock.LocalTime(end), FreeResourceIds);
    }
}
