using CallFlow.Domain.Recovery;
using CallFlow.Web.Recovery;

namespace CallFlow.Web.Components.Settings;

/// <summary>The recovery policy as the owner edits it: durations in whole minutes or seconds, as the form shows them.</summary>
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

    public static RecoveryPolicyForm From(RecoverySettings settings)
    {
        var policy = settings.Policy;
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
            NotificationNumber = settings.NotificationNumber,
        };
    }

    public RecoverySettings ToSettings() => new(new RecoveryPolicy
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
    }, NotificationNumber);
}
