using CallFlow.Domain.Flows;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using CallFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Conversation;

/// <summary>What the flow editor opens for one business: the flow to edit (the draft, else the published one) and its history.</summary>
public sealed record FlowWorkspace(
    string BusinessId,
    string BusinessName,
    IReadOnlyList<string> Services,
    FlowDefinition Definition,
    FlowVersionSummary? Draft,
    FlowVersionSummary? Published,
    IReadOnlyList<FlowVersionSummary> History);

/// <summary>What saving, publishing or rolling back did: the version written, or why nothing changed.</summary>
public sealed record FlowEditResult(FlowVersion? Version, IReadOnlyList<FlowProblem> Problems)
{
    public bool Succeeded => Version is not null;

    internal static FlowEditResult Refused(string reason) => new(null, [new FlowProblem(null, reason)]);

    internal static FlowEditResult Of(PublishResult result) => new(result.Version, result.Problems);
}

/// <summary>
/// The flow editor's side of <see cref="FlowStore"/> for the signed-in staff member: every read and write checks that
/// they own the business (<see cref="BusinessScope.CanManageAsync"/>), so a front-desk user who calls it directly is
/// refused as surely as one who types the page's URL. Publishing validates first and saves nothing when the flow is broken.
/// </summary>
public sealed class FlowEditing(BusinessScope scope, FlowStore store, IDbContextFactory<CallFlowDb> dbFactory)
{
    public const string NotAnOwner = "Only an owner of this business can change its flows.";
    public const int MaxSteps = 40;
    public const int MaxJsonLength = 100_000;

    /// <summary>The business's flow to edit, or null when the viewer does not own it.</summary>
    public async Task<FlowWorkspace?> OpenAsync(string businessId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.Include(b => b.Services).AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return null;
        }

        var history = await store.HistoryAsync(businessId, FlowTypes.Booking, cancellationToken);
        var draft = history.FirstOrDefault(v => v.Status == FlowStatus.Draft);
        var published = history.FirstOrDefault(v => v.Status == FlowStatus.Published);
        var editing = draft ?? published;
        var definition = editing is null ? null : (await store.VersionAsync(editing.Id, cancellationToken))?.Definition;
        return new FlowWorkspace(
            business.Id,
            business.Name,
            [.. business.Services.OrderBy(s => s.SortOrder).Select(s => s.Name)],
            definition ?? DefaultFlows.Booking(business.ToProfile()),
            draft,
            published,
            history);
    }

    /// <summary>One stored version's definition (null when it is not the viewer's to see, or not readable).</summary>
    public async Task<FlowDefinition?> DefinitionAsync(string businessId, long versionId, CancellationToken cancellationToken = default) =>
        await scope.CanManageAsync(businessId, cancellationToken)
            ? (await store.VersionOfAsync(businessId, versionId, cancellationToken))?.Definition
            : null;

    /// <summary>What changed from one version to another of the same business.</summary>
    public async Task<FlowDiff?> DiffAsync(string businessId, long olderId, long newerId, CancellationToken cancellationToken = default)
    {
        var older = await DefinitionAsync(businessId, olderId, cancellationToken);
        var newer = await DefinitionAsync(businessId, newerId, cancellationToken);
        return older is null || newer is null ? null : FlowDiff.Between(older, newer);
    }

    /// <summary>Saves the edit as the draft, broken or not: a draft is work in progress.</summary>
    public async Task<FlowEditResult> SaveDraftAsync(string businessId, FlowDefinition definition, string? note = null, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(businessId, definition, cancellationToken) is { } refused)
        {
            return refused;
        }

        var draft = await store.SaveDraftAsync(businessId, FlowTypes.Booking, definition, await StaffNameAsync(), Note(note), cancellationToken);
        return new FlowEditResult(draft, []);
    }

    /// <summary>Saves the edit and publishes it, so new calls run it at once; a broken flow is refused with its problems and nothing is saved.</summary>
    public async Task<FlowEditResult> PublishAsync(string businessId, FlowDefinition definition, string? note = null, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(businessId, definition, cancellationToken) is { } refused)
        {
            return refused;
        }

        var problems = FlowValidator.Validate(definition with { Type = FlowTypes.Booking });
        if (problems.Count > 0)
        {
            return new FlowEditResult(null, problems);
        }

        var by = await StaffNameAsync();
        var draft = await store.SaveDraftAsync(businessId, FlowTypes.Booking, definition, by, Note(note), cancellationToken);
        return FlowEditResult.Of(await store.PublishAsync(businessId, FlowTypes.Booking, draft.Id, by, cancellationToken));
    }

    /// <summary>Publishes a copy of an earlier version.</summary>
    public async Task<FlowEditResult> RollBackAsync(string businessId, int toNumber, CancellationToken cancellationToken = default) =>
        await scope.CanManageAsync(businessId, cancellationToken)
            ? FlowEditResult.Of(await store.RollBackAsync(businessId, FlowTypes.Booking, toNumber, await StaffNameAsync(), cancellationToken))
            : FlowEditResult.Refused(NotAnOwner);

    /// <summary>Throws the draft away (false when there was none or the viewer may not).</summary>
    public async Task<bool> DiscardDraftAsync(string businessId, CancellationToken cancellationToken = default) =>
        await scope.CanManageAsync(businessId, cancellationToken) && await store.DiscardDraftAsync(businessId, FlowTypes.Booking, cancellationToken);

    private async Task<FlowEditResult?> RefusalAsync(string businessId, FlowDefinition definition, CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return FlowEditResult.Refused(NotAnOwner);
        }

        if (definition.Steps.Count > MaxSteps)
        {
            return FlowEditResult.Refused($"A flow can have at most {MaxSteps} steps.");
        }

        return FlowJson.Serialize(definition).Length > MaxJsonLength
            ? FlowEditResult.Refused("The flow is too large to save; shorten its prompts or options.")
            : null;
    }

    private async Task<string> StaffNameAsync() => (await scope.UserAsync()).StaffName();

    private static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)];
}
