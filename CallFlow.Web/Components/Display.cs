using System.Collections.Concurrent;
using System.Globalization;

namespace CallFlow.Web.Components;

/// <summary>How the console shows times: in the business's own time zone, never the server's.</summary>
public static class Display
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static TimeZoneInfo Zone(string timeZoneId) =>
        Zones.GetOrAdd(timeZoneId, id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc);

    public static DateTimeOffset InZone(DateTimeOffset instant, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(instant, Zone(timeZoneId));

    public static string DateTime(DateTimeOffset instant, string timeZoneId) =>
        InZone(instant, timeZoneId).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant, string timeZoneId) =>
        InZone(instant, timeZoneId).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) =>
        duration < TimeSpan.Zero ? "0:00"
        : duration.TotalHours >= 1 ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : duration.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>An enum value as words: CallbackScheduled → "callback scheduled".</summary>
    public static string Label(Enum value)
    {
        var name = value.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
