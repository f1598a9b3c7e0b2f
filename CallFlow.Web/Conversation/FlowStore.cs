using System.Text.Json;
using CallFlow.Domain.Flows;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CallFlow.Web.Conversation;

/// <summary>A flow as a call runs it: the stored version (none for the built-in default), and its compiled form or why it cannot run.</summary>
public sealed record StoredFlow(long? VersionId, int? Number, FlowDefinition? Definition, CompiledFlow? Compiled, IReadOnlyList<FlowProblem> Problems)
{
    /// <summary>The version id a call pins when it runs the built-in default flow (the business has published none).</summary>
    public const long BuiltInVersionId = 0;

    public bool IsBuiltIn => VersionId is null;

    internal static StoredFlow Of(long? versionId, int? number, FlowDefinition definition)
    {
        var compilation = FlowValidator.Compile(definition);
        return new StoredFlow(versionId, number, definition, compilation.Flow, compilation.Problems);
    }
}

/// <summary>One row of a flow's history, for the editor.</summary>
public sealed record FlowVersionSummary(
    long Id, int Number, FlowStatus Status, string? Note, string CreatedBy, DateTimeOffset CreatedAt, string? PublishedBy, DateTimeOffset? PublishedAt);

/// <summary>What publishing (or rolling back) did: the version now published, or why nothing changed.</summary>
public sealed record PublishResult(FlowVersion? Version, IReadOnlyList<FlowProblem> Problems)
{
    public bool Published => Version is not null;

    internal static PublishResult Refused(string reason) => new(null, [new FlowProblem(null, reason)]);
}

/// <summary>
/// The flows businesses configure, for calls and for the flow editor: the published version of a business's flow
/// (cached for five minutes per business and flow type, and dropped from the cache the moment another version is
/// published), any stored version by id (a call keeps the version it started with), drafts, publishing with
/// validation (a broken flow is refused with its reasons), roll-back and history. A business that has published
/// nothing runs <see cref="DefaultFlows.Booking"/> for its services.
/// </summary>
/// <remarks>The cache is per process: with several instances, a publish is seen by the others within five minutes.</remarks>
public sealed class FlowStore(IDbContextFactory<CallFlowDb> dbFactory, IMemoryCache cache, TimeProvider clock, ILogger<FlowStore> logger)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The flow new calls of this business run.</summary>
    public Task<StoredFlow> PublishedAsync(Business business, string flowType = FlowTypes.Booking, CancellationToken cancellationToken = default) =>
        CachedAsync(new PublishedKey(business.Id, flowType), async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var published = await db.FlowVersions.AsNoTracking()
                .Where(v => v.BusinessId == business.Id && v.FlowType == flowType && v.Status == FlowStatus.Published)
                .Select(v => new { v.Id, v.Number, v.Definition })
                .FirstOrDefaultAsync(cancellationToken);
            return published is null
                ? StoredFlow.Of(null, null, DefaultFlows.Booking(business.ToProfile()))
                : Read(published.Id, published.Number, published.Definition);
        });

    /// <summary>
    /// The flow a call runs: the version it pinned on its first turn, or the published one (which the caller then
    /// pins). <see cref="StoredFlow.BuiltInVersionId"/> is the built-in default.
    /// </summary>
    public async Task<StoredFlow> ForCallAsync(Business business, long? pinnedVersionId, CancellationToken cancellationToken = default)
    {
        if (pinnedVersionId is null)
        {
            return await PublishedAsync(business, FlowTypes.Booking, cancellationToken);
        }

        if (pinnedVersionId == StoredFlow.BuiltInVersionId)
        {
            return await CachedAsync(new BuiltInKey(business.Id), () => Task.FromResult(StoredFlow.Of(null, null, DefaultFlows.Booking(business.ToProfile()))));
        }

        return await VersionAsync(pinnedVersionId.Value, cancellationToken)
            ?? await PublishedAsync(business, FlowTypes.Booking, cancellationToken);
    }

    /// <summary>A stored version by id, whatever its status (published versions never change, so it is cached).</summary>
    public async Task<StoredFlow?> VersionAsync(long versionId, CancellationToken cancellationToken = default)
    {
        var flow = await CachedAsync(new VersionKey(versionId), async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var version = await db.FlowVersions.AsNoTracking().Where(v => v.Id == versionId)
                .Select(v => new { v.Id, v.Number, v.Definition, v.Status })
                .FirstOrDefaultAsync(cancellationToken);
            return version is null ? null : Read(version.Id, version.Number, version.Definition);
        });
        return flow;
    }

    /// <summary>A stored version by id, only when it belongs to <paramref name="businessId"/> (what a console or a test call may name).</summary>
    public async Task<StoredFlow?> VersionOfAsync(string businessId, long versionId, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.FlowVersions.AnyAsync(v => v.Id == versionId && v.BusinessId == businessId, cancellationToken))
            {
                return null;
            }
        }

        return await VersionAsync(versionId, cancellationToken);
    }

    /// <summary>Throws the business's draft away; calls already testing it go on with the published flow.</summary>
    public async Task<bool> DiscardDraftAsync(string businessId, string flowType = FlowTypes.Booking, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.FlowVersions.FirstOrDefaultAsync(v => v.BusinessId == businessId && v.FlowType == flowType && v.Status == FlowStatus.Draft, cancellationToken);
        if (draft is null)
        {
            return false;
        }

        db.FlowVersions.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(new VersionKey(draft.Id));
        return true;
    }

    /// <summary>Saves the owner's edit as the business's draft (one draft at a time, replaced by the next save). Drafts are not validated until published.</summary>
    public async Task<FlowVersion> SaveDraftAsync(string businessId, string flowType, FlowDefinition definition, string savedBy, string? note = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.FlowVersions.FirstOrDefaultAsync(v => v.BusinessId == businessId && v.FlowType == flowType && v.Status == FlowStatus.Draft, cancellationToken);
        if (draft is null)
        {
            draft = new FlowVersion { BusinessId = businessId, FlowType = flowType, Number = await NextNumberAsync(db, businessId, flowType, cancellationToken), Status = FlowStatus.Draft };
            db.FlowVersions.Add(draft);
        }

        draft.Definition = FlowJson.Serialize(definition with { Type = flowType });
        draft.Note = note;
        draft.CreatedAt = clock.GetUtcNow();
        draft.CreatedBy = savedBy;
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(new VersionKey(draft.Id));
        return draft;
    }

    /// <summary>Publishes a draft: refused with the validator's reasons when broken; otherwise the previous version is archived and new calls run this one at once.</summary>
    public async Task<PublishResult> PublishAsync(string businessId, string flowType, long versionId, string publishedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.FlowVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.BusinessId == businessId && v.FlowType == flowType, cancellationToken);
        if (version is null || version.Status != FlowStatus.Draft)
        {
            return PublishResult.Refused(version is null ? "There is no such version of this flow." : $"Version {version.Number} is {version.Status.ToString().ToLowerInvariant()}; only a draft can be published (roll back to republish an older version).");
        }

        return await MakePublishedAsync(db, version, publishedBy, cancellationToken);
    }

    /// <summary>Publishes an earlier version again, as a new version copying its definition (history stays in order).</summary>
    public async Task<PublishResult> RollBackAsync(string businessId, string flowType, int toNumber, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.FlowVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.BusinessId == businessId && v.FlowType == flowType && v.Number == toNumber && v.Status != FlowStatus.Draft, cancellationToken);
        if (target is null)
        {
            return PublishResult.Refused($"Version {toNumber} was never published, so there is nothing to roll back to.");
        }

        var copy = new FlowVersion
        {
            BusinessId = businessId,
            FlowType = flowType,
            Number = await NextNumberAsync(db, businessId, flowType, cancellationToken),
            Status = FlowStatus.Draft,
            Definition = target.Definition,
            Note = $"Rolled back to version {toNumber}",
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = by,
        };
        db.FlowVersions.Add(copy);
        return await MakePublishedAsync(db, copy, by, cancellationToken);
    }

    public async Task<IReadOnlyList<FlowVersionSummary>> HistoryAsync(string businessId, string flowType = FlowTypes.Booking, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FlowVersions.AsNoTracking()
            .Where(v => v.BusinessId == businessId && v.FlowType == flowType)
            .OrderByDescending(v => v.Number)
            .Select(v => new FlowVersionSummary(v.Id, v.Number, v.Status, v.Note, v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    private async Task<PublishResult> MakePublishedAsync(CallFlowDb db, FlowVersion version, string by, CancellationToken cancellationToken)
    {
        if (!FlowJson.TryDeserialize(version.Definition, out var definition, out var error))
        {
            return PublishResult.Refused($"The flow is not readable: {error}");
        }

        var problems = FlowValidator.Validate(definition!);
        if (problems.Count > 0)
        {
            return new PublishResult(null, problems);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.FlowVersions
            .Where(v => v.BusinessId == version.BusinessId && v.FlowType == version.FlowType && v.Status == FlowStatus.Published)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.Status, FlowStatus.Archived), cancellationToken);
        version.Status = FlowStatus.Published;
        version.PublishedAt = now;
        version.PublishedBy = by;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        cache.Remove(new PublishedKey(version.BusinessId, version.FlowType));
        cache.Remove(new VersionKey(version.Id));
        logger.LogInformation("Business {BusinessId} published {FlowType} flow version {Number} ({By})", version.BusinessId, version.FlowType, version.Number, by);
        return new PublishResult(version, []);
    }

    private StoredFlow Read(long id, int number, string json)
    {
        try
        {
            var flow = StoredFlow.Of(id, number, FlowJson.Deserialize(json));
            if (flow.Compiled is null)
            {
                logger.LogError("Flow version {VersionId} cannot run: {Problems}", id, string.Join(" ", flow.Problems));
            }

            return flow;
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Flow version {VersionId} is not readable", id);
            return new StoredFlow(id, number, null, null, [new FlowProblem(null, $"The stored flow is not readable: {e.Message}")]);
        }
    }

    private async Task<T> CachedAsync<T>(object key, Func<Task<T>> load)
    {
        if (cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var loaded = await load();
        if (loaded is not null)
        {
            cache.Set(key, loaded, CacheLifetime);
        }

        return loaded;
    }

    private static async Task<int> NextNumberAsync(CallFlowDb db, string businessId, string flowType, CancellationToken cancellationToken) =>
        (await db.FlowVersions.Where(v => v.BusinessId == businessId && v.FlowType == flowType).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;

    private sealed record PublishedKey(string BusinessId, string FlowType);

    private sealed record VersionKey(long VersionId);

    private sealed record BuiltInKey(string BusinessId);
}
