using CallFlow.Domain.Recovery;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;

namespace CallFlow.Web.Recovery;

/// <summary>
/// A business's recovery policy as its owner edits it on the settings page: durations in whole minutes or seconds, and
/// the number the owner is texted at. The Domain's <see cref="RecoveryPolicy.Validate"/> decides what is in range; its
/// problems are put beside the inputs they concern.
/// </summary>
public sealed class RecoveryPolicyForm
{
    public int ResumeWindowMinutes { get; set; }

    public int CallbackDelayMinutes { get; set; }

    public int CallbackMaxAttempts { get; set; }

    public int CallbackSpacingMinutes { get; set; }

    public AfterHoursCallbacks AfterHours { get; set; }

    public bool UseFallbackVoice { get; set; }

    public int SilenceTimeoutSeconds { get; set; }

    public int TimeoutReprompts { get; set; }

    public bool TransferOnFailure { get; set; }

    public int CommitMaxAttempts { get; set; }

    public int CommitRetryDelaySeconds { get; set; }

    public string? NotificationNumber { get; set; }

    public static RecoveryPolicyForm From(Business business)
    {
        var policy = business.Recovery;
        return new RecoveryPolicyForm
        {
            ResumeWindowMinutes = (int)policy.ResumeWindow.TotalMinutes,
            CallbackDelayMinutes = (int)policy.CallbackDelay.TotalMinutes,
            CallbackMaxAttempts = policy.CallbackMaxAttempts,
            CallbackSpacingMinutes = (int)policy.CallbackSpacing.TotalMinutes,
            AfterHours = policy.AfterHours,
            UseFallbackVoice = policy.UseFallbackVoice,
            SilenceTimeoutSeconds = (int)policy.SilenceTimeout.TotalSeconds,
            TimeoutReprompts = policy.TimeoutReprompts,
            TransferOnFailure = policy.TransferOnFailure,
            CommitMaxAttempts = policy.CommitMaxAttempts,
            CommitRetryDelaySeconds = (int)policy.CommitRetryDelay.TotalSeconds,
            NotificationNumber = business.NotificationNumber,
        };
    }

    public RecoveryPolicy ToPolicy() => new()
    {
        ResumeWindow = TimeSpan.FromMinutes(ResumeWindowMinutes),
        CallbackDelay = TimeSpan.FromMinutes(CallbackDelayMinutes),
        CallbackMaxAttempts = CallbackMaxAttempts,
        CallbackSpacing = TimeSpan.FromMinutes(CallbackSpacingMinutes),
        AfterHours = AfterHours,
        UseFallbackVoice = UseFallbackVoice,
        SilenceTimeout = TimeSpan.FromSeconds(SilenceTimeoutSeconds),
        TimeoutReprompts = TimeoutReprompts,
        TransferOnFailure = TransferOnFailure,
        CommitMaxAttempts = CommitMaxAttempts,
        CommitRetryDelay = TimeSpan.FromSeconds(CommitRetryDelaySeconds),
    };

    /// <summary>Everything out of range, each beside the input it concerns; empty when the policy can be saved.</summary>
    public List<SettingsProblem> Problems()
    {
        var problems = ToPolicy().Validate().Select(p => SettingsProblem.For(this, Input(p.Setting), p.Message)).ToList();
        if (FormChecks.Clean(NotificationNumber) is not null && FormChecks.E164(NotificationNumber) is null)
        {
            problems.Add(SettingsProblem.For(this, nameof(NotificationNumber),
                "Enter the number with + and the country code, such as +12125550100, or leave it empty to text the transfer number."));
        }

        return problems;
    }

    /// <summary>The number to text the owner at, in E.164; null to use the transfer number.</summary>
    public string? OwnerNumber() => FormChecks.E164(NotificationNumber);

    private static string Input(string setting) => setting switch
    {
        nameof(RecoveryPolicy.ResumeWindow) => nameof(ResumeWindowMinutes),
        nameof(RecoveryPolicy.CallbackDelay) => nameof(CallbackDelayMinutes),
        nameof(RecoveryPolicy.CallbackSpacing) => nameof(CallbackSpacingMinutes),
        nameof(RecoveryPolicy.SilenceTimeout) => nameof(SilenceTimeoutSeconds),
        nameof(RecoveryPolicy.CommitRetryDelay) => nameof(CommitRetryDelaySeconds),
        _ => setting,
    };
}
