using System.ComponentModel.DataAnnotations;

namespace CallFlow.Web.Calendar;

/// <summary>The calendar's settings (section <c>Calendar</c>); per-business rules live on the business.</summary>
public sealed record CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>How long a slot offered to a caller stays held unless the call extends it.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Calendar:HoldLifetime must be between 30 seconds and one hour.")]
    public TimeSpan HoldLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Text the customer a confirmation when a booking is made or moved.</summary>
    public bool SendConfirmations { get; init; } = true;

    /// <summary>How long before an appointment the customer gets a reminder text; zero sends none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Calendar:ReminderLead must be between 0 and 7 days.")]
    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How many days of past appointments the iCalendar feed keeps.</summary>
    [Range(0, 3650, ErrorMessage = "Calendar:FeedDaysBack must be between 0 and 3650 days.")]
    public int FeedDaysBack { get; init; } = 90;
}
