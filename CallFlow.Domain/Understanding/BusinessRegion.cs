using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// The country a business's callers dial and write dates from, implied by its time zone (America/* is the US, as
/// the NANP covers Canada and most of the Caribbean with the same rules), else by its voice language ("en-GB").
/// </summary>
internal static class BusinessRegion
{
    private static readonly Dictionary<string, string> ByZone = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Europe/London"] = "GB", ["Europe/Dublin"] = "IE", ["Europe/Paris"] = "FR", ["Europe/Berlin"] = "DE",
        ["Europe/Madrid"] = "ES", ["Europe/Rome"] = "IT", ["Europe/Amsterdam"] = "NL", ["Europe/Brussels"] = "BE",
        ["Europe/Zurich"] = "CH", ["Europe/Vienna"] = "AT", ["Europe/Stockholm"] = "SE", ["Europe/Oslo"] = "NO",
        ["Europe/Copenhagen"] = "DK", ["Europe/Helsinki"] = "FI", ["Europe/Lisbon"] = "PT", ["Europe/Warsaw"] = "PL",
        ["Asia/Tokyo"] = "JP", ["Asia/Singapore"] = "SG", ["Asia/Hong_Kong"] = "HK", ["Asia/Kolkata"] = "IN",
        ["Asia/Dubai"] = "AE", ["Asia/Seoul"] = "KR", ["Asia/Shanghai"] = "CN", ["Asia/Manila"] = "PH",
        ["Pacific/Auckland"] = "NZ", ["Africa/Johannesburg"] = "ZA", ["Pacific/Honolulu"] = "US",
        ["America/Sao_Paulo"] = "BR", ["America/Mexico_City"] = "MX", ["America/Argentina/Buenos_Aires"] = "AR",
        ["America/Bogota"] = "CO", ["America/Lima"] = "PE", ["America/Santiago"] = "CL",
    };

    private static readonly HashSet<string> MonthFirst = new(StringComparer.Ordinal) { "US", "CA", "PH" };

    public static string Of(BusinessProfile business)
    {
        if (ByZone.TryGetValue(business.TimeZoneId, out var region))
        {
            return region;
        }

        if (business.TimeZoneId.StartsWith("America/", StringComparison.OrdinalIgnoreCase))
        {
            return "US";
        }

        if (business.TimeZoneId.StartsWith("Australia/", StringComparison.OrdinalIgnoreCase))
        {
            return "AU";
        }

        var language = business.Voice.Language;
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && language.Length - dash == 3 ? language[(dash + 1)..].ToUpperInvariant() : "US";
    }

    /// <summary>Whether "3/4" is March 4th (US) rather than 3 April (most of the world).</summary>
    public static bool WritesMonthFirst(BusinessProfile business) => MonthFirst.Contains(Of(business));
}
