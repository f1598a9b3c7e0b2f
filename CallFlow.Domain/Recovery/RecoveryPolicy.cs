namespace CallFlow.Domain.Recovery;

/// <summary>What a callback does when it falls due while the business is closed.</summary>
public enum AfterHoursCallbacks
{
    /// <summary>Call anyway: the caller was on the phone a few minutes ago.</summary>
    CallAnyway,

    /// <summary>Wait until the business next opens.</summary>
    WaitForOpening,
}

/// <summary>
/// How one business wants failures handled: how long a dropped caller may pick up where they left off, when and how
/// often to call back, how patient to be with a silent line, and whom to involve. Stored with the business and edited
/// by its owners; <see cref="Validate"/> says what is out of range.
/// </summary>
public sealed record RecoveryPolicy
{
    /// <summary>A caller cut off mid-booking who calls again within this window is offered to continue.</summary>
    public TimeSpan ResumeWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long after a lost call the first callback is placed.</summary>
    public TimeSpan CallbackDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a callback is tried before the owner is told instead.</summary>
    public int CallbackMaxAttempts { get; init; } = 3;

    /// <summary>The wait between two callback attempts that were not answered.</summary>
    public TimeSpan CallbackSpacing { get; init; } = TimeSpan.FromMinutes(10);

    public AfterHoursCallbacks AfterHours { get; init; } = AfterHoursCallbacks.CallAnyway;

    /// <summary>After a speech synthesis failure, repeat the reply with the business's fallback voice before the carrier's default one.</summary>
    public bool UseFallbackVoice { get; init; } = true;

    /// <summary>A live call with no activity for this long is prompted again, then ended.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a silent line is prompted again before the call is ended politely.</summary>
    public int TimeoutReprompts { get; init; } = 1;

    /// <summary>On an unexpected failure during opening hours, hand the caller to staff (when there is a transfer number).</summary>
    public bool TransferOnFailure { get; init; } = true;

    /// <summary>How many times a provisional booking is tried against the calendar before the owner is asked to confirm it.</summary>
    public int CommitMaxAttempts { get; init; } = 8;

    /// <summary>The wait before the second commit attempt; it doubles after each failure, up to an hour.</summary>
    public TimeSpan CommitRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxCommitRetryDelay = TimeSpan.FromHours(1);

    /// <summary>What is out of range, each with the setting it concerns; empty when the policy can be saved.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        void Check(bool ok, string setting, string message)
        {
            if (!ok)
            {
                problems.Add(new PolicyProblem(setting, message));
            }
        }

        Check(ResumeWindow >= TimeSpan.FromMinutes(1) && ResumeWindow <= TimeSpan.FromHours(24), nameof(ResumeWindow), "The resume window must be between 1 minute and 24 hours.");
        Check(CallbackDelay >= TimeSpan.Zero && CallbackDelay <= TimeSpan.FromHours(24), nameof(CallbackDelay), "The callback delay must be between 0 minutes and 24 hours.");
        Check(CallbackMaxAttempts is >= 1 and <= 10, nameof(CallbackMaxAttempts), "Callbacks can be tried 1 to 10 times.");
        Check(CallbackSpacing >= TimeSpan.FromMinutes(1) && CallbackSpacing <= TimeSpan.FromHours(24), nameof(CallbackSpacing), "The wait between callback attempts must be between 1 minute and 24 hours.");
        Check(Enum.IsDefined(AfterHours), nameof(AfterHours), "Choose what callbacks do after hours.");
        Check(SilenceTimeout >= TimeSpan.FromSeconds(20) && SilenceTimeout <= TimeSpan.FromMinutes(10), nameof(SilenceTimeout), "The silence timeout must be between 20 seconds and 10 minutes.");
        Check(TimeoutReprompts is >= 0 and <= 3, nameof(TimeoutReprompts), "A silent line can be prompted again 0 to 3 times.");
        Check(CommitMaxAttempts is >= 1 and <= 20, nameof(CommitMaxAttempts), "A provisional booking can be tried 1 to 20 times.");
        Check(CommitRetryDelay >= TimeSpan.FromSeconds(10) && CommitRetryDelay <= MaxCommitRetryDelay, nameof(CommitRetryDelay), "The first wait between commit attempts must be between 10 seconds and 1 hour.");
        return problems;
    }
}

/// <summary>One setting of a <see cref="RecoveryPolicy"/> that cannot be saved, and why.</summary>
public sealed record PolicyProblem(string Setting, string Message);
