namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>
/// Every selector the browser tests use, in one place. They name <c>data-testid</c> (and <c>data-state</c>,
/// <c>data-kind</c>) attributes the components render for this purpose, never CSS classes or layout.
/// </summary>
public static class TestIds
{
    public const string Interactive = "[data-testid=console-interactive]";
    public const string PageTitle = "[data-testid=page-title]";
    public const string SignedInUser = "[data-testid=signed-in-user]";
    public const string NavOutbox = "[data-testid=nav-outbox]";

    public const string Email = "#email";
    public const string Password = "#password";
    public const string SignInButton = "[data-testid=sign-in]";

    public const string Board = "[data-testid=board]";
    public const string BoardEmpty = "[data-testid=board-empty]";
    public const string ActiveCount = "[data-testid=active-count]";
    public const string State = "[data-state]";

    public const string CallHeader = "[data-testid=call-header]";
    public const string TimelineItem = "[data-testid=timeline-item]";
    public const string Hold = "[data-testid=action-hold]";
    public const string Resume = "[data-testid=action-resume]";
    public const string TakeOver = "[data-testid=action-take-over]";
    public const string End = "[data-testid=action-end]";
    public const string NoteText = "[data-testid=note-text]";
    public const string NoteAdd = "[data-testid=note-add]";
    public const string Note = "[data-testid=note]";
    public const string CallbackOpen = "[data-testid=callback-open]";
    public const string CallbackNumber = "[data-testid=callback-number]";
    public const string CallbackSchedule = "[data-testid=callback-schedule]";
    public const string Callback = "[data-testid=callback]";

    public const string History = "[data-testid=history]";

    public const string Outbox = "[data-testid=outbox]";
    public const string OutboxKind = "[data-kind]";
    public const string OutboxEmpty = "[data-testid=outbox-empty]";

    public const string BusinessProfile = "[data-testid=business-profile]";
    public const string SettingsSection = ".cf-settings-section";
    public const string Interval = "[data-testid=interval]";
    public const string Opens = "input[data-testid=opens]";
    public const string Closes = "input[data-testid=closes]";
    public const string AddInterval = "[data-testid=add-interval]";
    public const string HoursSave = "[data-testid=hours-save]";
    public const string AddOverride = "[data-testid=add-override]";
    public const string OverrideNote = "input[data-testid=override-note]";
    public const string ExplainService = "[data-testid=explain-service]";
    public const string ExplainDate = "input[data-testid=explain-date]";
    public const string ExplainTime = "input[data-testid=explain-time]";
    public const string Explain = "[data-testid=explain]";
    public const string Explanation = "[data-testid=explanation]";
    public const string Snackbar = ".mud-snackbar";
    public const string FieldProblem = "[data-testid=field-problem]";
    public const string Service = "[data-testid=service]";
    public const string ServiceEdit = "[data-testid=service-edit]";
    public const string ServiceBufferAfter = "input[data-testid=service-buffer-after]";
    public const string ServiceSave = "[data-testid=service-save]";

    /// <summary>A settings section by its anchor (profile, hours, services, …).</summary>
    public static string SectionOf(string anchor) => $"[data-testid=section-{anchor}]";

    /// <summary>A weekday's row in the opening hours (monday, tuesday, …).</summary>
    public static string DayOf(DayOfWeek day) => $"[data-testid=day-{day.ToString().ToLowerInvariant()}]";

    public const string MetricsCalls = "[data-testid=headline-calls]";
    public const string MetricsFunnelChart = "[data-testid=chart-funnel] svg";
    public const string MetricsFunnelTable = "[data-testid=table-funnel]";

    public const string Team = "[data-testid=team]";
    public const string TeamRow = "[data-testid=team] tbody tr";
    public const string MemberRole = "[data-testid=member-role]";
    public const string RoleOwner = "[data-testid=role-owner]";
    public const string Remove = "[data-testid=remove]";
    public const string ConfirmRemove = "[data-testid=confirm-remove]";
    public const string NewEmail = "input[data-testid=new-email]";
    public const string NewName = "input[data-testid=new-name]";
    public const string NewPassword = "input[data-testid=new-password]";
    public const string AddMember = "[data-testid=add]";

    public const string ViewList = "[data-testid=view-list]";
    public const string AppointmentList = "[data-testid=appointment-list]";

    public const string StepEditor = "[data-testid=step-editor]";
    public const string FlowStatus = "[data-testid=flow-status]";
    public const string Publish = "[data-testid=publish]";
    public const string SaveDraft = "[data-testid=save-draft]";
    public const string PublishRefused = "[data-testid=publish-refused]";
    public const string DiffStep = "[data-testid=diff-step]";
    public const string InputError = ".mud-input-helper-text.mud-input-error";

    public const string Dial = "[data-testid=dial]";
    public const string SayText = "[data-testid=say-text]";
    public const string Say = "[data-testid=say]";
    public const string Bubble = "[data-testid=bubble]";
    public const string AssistantBubble = "[data-testid=bubble][data-speaker=assistant]";
    public const string TestCallStatus = "[data-testid=test-call-status]";

    /// <summary>A field of the flow editor by its test id (step-prompt, step-validation-pattern, …).</summary>
    public static string Field(string testId) => $"[data-testid={testId}]";

    /// <summary>A step of the flow editor's list, by its id.</summary>
    public static string StepItem(string stepId) => $"[data-testid=step-item][data-step-id=\"{stepId}\"]";

    /// <summary>An element of kind <paramref name="kind"/> in the outbox (call, text, redirect, hang-up).</summary>
    public static string OutboxRowOf(string kind) => $"[data-kind=\"{kind}\"]";
}
