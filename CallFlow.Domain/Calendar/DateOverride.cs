namespace CallFlow.Domain.Calendar;

/// <summary>
/// Opening hours for one calendar date that replace the weekly hours of that day: no hours means closed
/// (a holiday), otherwise the special hours (10:00–14:00 on Christmas Eve). An override always wins.
/// </summary>
/// <param name="Date">The local date in the business's time zone.</param>
/// <param name="Hours">The day's only opening hours; empty when closed.</param>
/// <param name="Note">Why, in the owner's words ("Christmas"); shown in explanations.</param>
public sealed record DateOverride(DateOnly Date, IReadOnlyList<TimeRange> Hours, string? Note = null)
{
    public bool IsClosed => Hours.Count == 0;

    public static DateOverride Closed(DateOnly date, string? note = null) => new(date, [], note);

    public static DateOverride SpecialHours(DateOnly date, IReadOnlyList<TimeRange> hours, string? note = null) =>
        new(date, hours, note);
}
