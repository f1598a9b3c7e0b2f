namespace CallFlow.Domain.Calendar;

/// <summary>One stretch of a weekday when the business takes appointments, in its own time zone (9:00–12:00).</summary>
public sealed record OpeningInterval(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
