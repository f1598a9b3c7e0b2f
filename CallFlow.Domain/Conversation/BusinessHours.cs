using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Conversation;

/// <summary>The business's weekly opening hours as the conversation uses them: is it open now, is it ever open on a weekday, and how to say them.</summary>
internal static class BusinessHours
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Whether staff are there at <paramref name="now"/> (in the business's own time zone).</summary>
    public static bool IsOpen(BusinessProfile business, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, business.TimeZone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return business.OpeningHours.Any(i => i.Day == local.DayOfWeek && time >= i.Opens && (i.Closes == TimeOnly.MinValue || time < i.Closes));
    }

    /// <summary>Whether the business opens at all on that weekday; true when it has no hours configured (nothing to go by).</summary>
    public static bool OpensOn(BusinessProfile business, DayOfWeek day) =>
        business.OpeningHours.Count == 0 || business.OpeningHours.Any(i => i.Day == day);

    /// <summary>"We're open Monday to Saturday, 9 AM to 6 PM." from the weekly hours, grouping days with the same hours.</summary>
    public static string Describe(BusinessProfile business)
    {
        if (business.OpeningHours.Count == 0)
        {
            return "";
        }

        var groups = new List<(List<DayOfWeek> Days, string Hours)>();
        foreach (var day in Week)
        {
            var intervals = business.OpeningHours.Where(i => i.Day == day).OrderBy(i => i.Opens).ToList();
            if (intervals.Count == 0)
            {
                continue;
            }

            var hours = Speech.List([.. intervals.Select(i => $"{Speech.Time(i.Opens)} to {Speech.Time(i.Closes)}")]);
            if (groups.Count > 0 && groups[^1].Hours == hours && Next(groups[^1].Days[^1]) == day)
            {
                groups[^1].Days.Add(day);
            }
            else
            {
                groups.Add(([day], hours));
            }
        }

        var parts = groups.Select(g => g.Days.Count switch
        {
            1 => $"{g.Days[0]}, {g.Hours}",
            2 => $"{g.Days[0]} and {g.Days[1]}, {g.Hours}",
            _ => $"{g.Days[0]} to {g.Days[^1]}, {g.Hours}",
        }).ToList();
        return $"We're open {Speech.List(parts, "and")}.";
    }

    private static DayOfWeek Next(DayOfWeek day) => (DayOfWeek)(((int)day + 1) % 7);
}
