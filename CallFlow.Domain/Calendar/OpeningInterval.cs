namespace CallFlow.Domain.Calendar;

/// <summary>
/// One stretch of a weekday when the business takes appointments, in its own time zone (9:00–12:00).
/// A <see cref="Closes"/> of 00:00 means midnight at the end of that day; intervals never run past midnight.
/// </summary>
public sealed record OpeningInterval(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    internal TimeRange Hours => new(Opens, Closes);
}
