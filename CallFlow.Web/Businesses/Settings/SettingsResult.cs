using Microsoft.AspNetCore.Components.Forms;

namespace CallFlow.Web.Businesses.Settings;

public enum SettingsOutcome
{
    Saved,

    /// <summary>Something typed is wrong; <see cref="SettingsResult.Problems"/> says what and where.</summary>
    Invalid,

    /// <summary>Someone else saved this business's settings since they were loaded.</summary>
    Conflict,

    /// <summary>The viewer does not manage this business (or it, or the service named, does not exist).</summary>
    Refused,

    /// <summary>The database could not be reached; nothing was saved.</summary>
    Unavailable,
}

/// <summary>
/// One wrong value and the sentence to show next to it. <see cref="Field"/> points at the form object and property
/// the owner typed it in, so the section's validator can put it beside that input; an empty field name means the
/// form as a whole.
/// </summary>
public sealed record SettingsProblem(FieldIdentifier Field, string Message)
{
    public static SettingsProblem For(object form, string field, string message) => new(new FieldIdentifier(form, field), message);

    /// <summary>A problem with the form as a whole rather than one input.</summary>
    public static SettingsProblem General(object form, string message) => new(new FieldIdentifier(form, ""), message);
}

/// <summary>What became of a settings save; on success, the business as saved (with its services and new version).</summary>
public sealed record SettingsResult(SettingsOutcome Outcome, Business? Business = null, IReadOnlyList<SettingsProblem>? Problems = null)
{
    public IReadOnlyList<SettingsProblem> Problems { get; } = Problems ?? [];

    public bool Saved => Outcome == SettingsOutcome.Saved;

    public static SettingsResult Refused { get; } = new(SettingsOutcome.Refused);

    public static SettingsResult Conflict { get; } = new(SettingsOutcome.Conflict);

    public static SettingsResult Unavailable { get; } = new(SettingsOutcome.Unavailable);

    public static SettingsResult Invalid(IReadOnlyList<SettingsProblem> problems) => new(SettingsOutcome.Invalid, Problems: problems);

    public static SettingsResult Invalid(SettingsProblem problem) => Invalid([problem]);
}
