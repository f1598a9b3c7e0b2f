using System.ComponentModel.DataAnnotations;

namespace CallFlow.Web.Recovery;

/// <summary>The background jobs (section <c>Jobs</c>): Hangfire's server and how often the recovery jobs look for work.</summary>
public sealed record JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the Hangfire server in this process. Off, jobs are still recorded (rows) but nothing runs them here.</summary>
    public bool RunServer { get; init; } = true;

    [Range(1, 8, ErrorMessage = "Jobs:WorkerCount must be between 1 and 8.")]
    public int WorkerCount { get; init; } = 2;

    /// <summary>How often Hangfire looks for scheduled and recurring jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Jobs:PollingInterval must be between 1 second and 1 minute.")]
    public TimeSpan PollingInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When the dispatcher looks for due callbacks, follow-ups and texts (Hangfire cron; six fields include seconds).</summary>
    [Required(AllowEmptyStrings = false)]
    public string DispatchCron { get; init; } = "*/15 * * * * *";

    /// <summary>When the sweeper looks for silent and forgotten calls.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SweepCron { get; init; } = "*/15 * * * * *";

    /// <summary>When expired slot holds are deleted.</summary>
    [Required(AllowEmptyStrings = false)]
    public string HoldCleanupCron { get; init; } = "*/5 * * * *";

    /// <summary>A call never answered (incoming, ringing) with no news for this long is closed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Jobs:RingingCallAfter must be between 1 minute and 1 day.")]
    public TimeSpan RingingCallAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A call with staff (transferred, on hold) with no news for this long is closed: the carrier never said it ended.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "2.00:00:00", ErrorMessage = "Jobs:StaleCallAfter must be between 10 minutes and 2 days.")]
    public TimeSpan StaleCallAfter { get; init; } = TimeSpan.FromHours(4);

    /// <summary>A job's claim on a row older than this was lost with its process; the row is tried again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Jobs:ClaimTimeout must be between 1 minute and 1 day.")]
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
