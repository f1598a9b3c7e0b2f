using System.Collections.Concurrent;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Businesses;

/// <summary>
/// Businesses with their services as the phone line reads them, kept between webhooks. Every read still asks the
/// database, but only for the row's <see cref="Business.Revision"/> (one indexed lookup of one column); the copy read
/// at that revision is reused, and any change (a settings save, a service edited, a row changed by hand) makes the next
/// read fetch the row again. So a call sees the business exactly as a fresh read would, on any number of app instances,
/// without reading and converting its JSON columns and services on every webhook.
/// </summary>
/// <remarks>
/// The copies are shared by every call of the business at once: they are read-only, never tracked, never edited.
/// Within one unit of work on a call (<see cref="Pin"/>) the business it started with is given without asking again.
/// </remarks>
public sealed class BusinessCache
{
    private static readonly AsyncLocal<Business?> Pinned = new();

    private static readonly CompiledQuery<string, long?> RevisionOf = new((db, businessId, _) =>
        db.Businesses.Where(b => b.Id == businessId).Select(b => (long?)b.Revision).FirstOrDefault());

    private readonly ConcurrentDictionary<string, Business> _byId = new(StringComparer.Ordinal);

    /// <summary>The business with its services as it is now, or null when there is none.</summary>
    public async Task<Business?> FindAsync(CallFlowDb db, string businessId, CancellationToken cancellationToken)
    {
        if (Pinned.Value is { } pinned && pinned.Id == businessId)
        {
            return pinned;
        }

        var revision = await RevisionOf.RunAsync(db, businessId, cancellationToken);
        return revision is null ? Forget(businessId) : await AtRevisionAsync(db, businessId, revision.Value, cancellationToken);
    }

    /// <summary>The business that answers a phone number, with its services as it is now, or null when none does.</summary>
    public async Task<Business?> FindByNumberAsync(CallFlowDb db, string phoneNumber, CancellationToken cancellationToken)
    {
        var stamp = await db.Businesses.Where(b => b.PhoneNumber == phoneNumber).Select(b => new Stamp(b.Id, b.Revision)).FirstOrDefaultAsync(cancellationToken);
        return stamp is null ? null : await AtRevisionAsync(db, stamp.Id, stamp.Revision, cancellationToken);
    }

    /// <summary>
    /// Until the returned scope ends, <see cref="FindAsync"/> gives <paramref name="business"/> for its id without
    /// reading its revision again: a unit of work on a call decides on the business as it was when the unit began, and
    /// the calendar asked on the call's behalf (an offer, a booking) reads that same copy. Scoped to the async flow, so
    /// other calls running at the same time are not affected.
    /// </summary>
    public static PinScope Pin(Business business)
    {
        var previous = Pinned.Value;
        Pinned.Value = business;
        return new PinScope(previous);
    }

    /// <summary>Ends a <see cref="Pin"/>: the business pinned before it, if any, applies again.</summary>
    public readonly struct PinScope(Business? previous) : IDisposable
    {
        public void Dispose() => Pinned.Value = previous;
    }

    private async Task<Business?> AtRevisionAsync(CallFlowDb db, string businessId, long revision, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(businessId, out var cached) && cached.Revision == revision)
        {
            return cached;
        }

        var business = await db.Businesses.Include(b => b.Services).AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return Forget(businessId);
        }

        // Calls racing a change may read two revisions; the newer copy stays.
        _byId.AddOrUpdate(businessId, business, (_, kept) => kept.Revision > business.Revision ? kept : business);
        return business;
    }

    private Business? Forget(string businessId)
    {
        _byId.TryRemove(businessId, out _);
        return null;
    }

    private sealed record Stamp(string Id, long Revision);
}
