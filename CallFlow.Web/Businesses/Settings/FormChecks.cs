using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PhoneNumbers;

namespace CallFlow.Web.Businesses.Settings;

/// <summary>Checks shared by the settings forms, run by the service whether or not the page already ran them.</summary>
internal static class FormChecks
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>The form's DataAnnotations, as the page's <c>DataAnnotationsValidator</c> shows them.</summary>
    public static List<SettingsProblem> Annotations(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return [.. results.SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""])
            .Select(member => SettingsProblem.For(form, member, r.ErrorMessage ?? "This value is not valid.")))];
    }

    /// <summary>The annotations of several forms (the rows of a list).</summary>
    public static List<SettingsProblem> Annotations(IEnumerable<object> forms) => [.. forms.SelectMany(Annotations)];

    /// <summary>
    /// A phone number in E.164 (+ and country code), as carriers send and dial them; null when it is not a valid
    /// number. Spaces, dashes and brackets are allowed and dropped.
    /// </summary>
    public static string? E164(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32 || !text.TrimStart().StartsWith('+'))
        {
            return null;
        }

        try
        {
            var numbers = PhoneNumberUtil.GetInstance();
            var number = numbers.Parse(text, "ZZ");
            return numbers.IsValidNumber(number) ? numbers.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A local time of day typed as 09:00; null when it is not one.</summary>
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A date typed as 2026-12-24 (what a browser's date input sends); null when it is not one.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Trimmed text, or null when nothing but blanks was typed.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
