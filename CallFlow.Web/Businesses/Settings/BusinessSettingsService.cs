using CallFlow.Web.Calendar;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;
using CallFlow.Web.Identity;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Businesses.Settings;

/// <summary>
/// Reads and saves an owner's business settings for the settings page, one section at a time. Every call checks
/// again that the signed-in staff member owns the business, whatever id the page passes; what was typed is checked
/// (the forms' DataAnnotations, then the Domain's calendar rules) and refused with <see cref="SettingsProblem"/>s,
/// never an exception; and every save is made against the <see cref="Business.Version"/> the page loaded, so a save
/// over someone else's newer one is a <see cref="SettingsOutcome.Conflict"/>. Nothing caches businesses: calls and
/// the calendar read them per unit of work, so a save applies to the next call at once.
/// </summary>
public sealed partial class BusinessSettingsService(
    BusinessScope scope,
    IDbContextFactory<CallFlowDb> dbFactory,
    BookingDesk desk,
    TimeProvider clock,
    IOptions<TwilioOptions> twilio,
    ILogger<BusinessSettingsService> logger)
{
    /// <summary>The businesses whose settings the viewer may change, by name.</summary>
    public async Task<IReadOnlyList<BusinessSummary>> BusinessesAsync(CancellationToken cancellationToken = default) =>
        [.. (await scope.BusinessesAsync(cancellationToken)).Where(b => b.CanManage)];

    /// <summary>A managed business with all its services (inactive ones too); null for any other id.</summary>
    public async Task<Business?> LoadAsync(string businessId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Sorted(await db.Businesses.AsNoTracking().Include(b => b.Services)
            .FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken));
    }

    /// <summary>
    /// Changes a business the viewer manages, as every section's save does: <paramref name="change"/> edits the tracked
    /// business (and may use the context, e.g. to remove a service) and returns what is wrong, in which case nothing is
    /// saved. A section of another feature (the recovery policy) saves through here too.
    /// </summary>
    /// <param name="expectedVersion">The <see cref="Business.Version"/> the page showed; another one is a conflict.</param>
    /// <param name="ifDuplicate">What to tell the owner if a unique index refuses the save (a race the checks lost).</param>
    public async Task<SettingsResult> UpdateAsync(
        string businessId,
        int expectedVersion,
        Func<Business, CallFlowDb, Task<IReadOnlyList<SettingsProblem>>> change,
        SettingsProblem? ifDuplicate = null,
        CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return SettingsResult.Refused;
        }

        var staff = Actor.Staff((await scope.UserAsync()).StaffName()).ToString();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var business = await db.Businesses.Include(b => b.Services).FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
            if (business is null)
            {
                return SettingsResult.Refused;
            }

            if (business.Version != expectedVersion)
            {
                return SettingsResult.Conflict;
            }

            if (await change(business, db) is { Count: > 0 } problems)
            {
                return SettingsResult.Invalid(problems);
            }

            business.Version++;
            business.UpdatedAt = clock.GetUtcNow();
            business.UpdatedBy = staff;
            await db.SaveChangesAsync(cancellationToken);
            return new SettingsResult(SettingsOutcome.Saved, Sorted(business));
        }
        catch (DbUpdateConcurrencyException)
        {
            return SettingsResult.Conflict;
        }
        catch (DbUpdateException e) when (CalendarFailures.IsUniqueViolation(e) && ifDuplicate is not null)
        {
            return SettingsResult.Invalid(ifDuplicate);
        }
        catch (Exception e) when (CalendarFailures.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Settings of {BusinessId} could not be saved", businessId);
            return SettingsResult.Unavailable;
        }
    }

    /// <summary><see cref="UpdateAsync(string, int, Func{Business, CallFlowDb, Task{IReadOnlyList{SettingsProblem}}}, SettingsProblem?, CancellationToken)"/> for a change that needs only the business.</summary>
    public Task<SettingsResult> UpdateAsync(
        string businessId, int expectedVersion, Func<Business, IReadOnlyList<SettingsProblem>> change,
        SettingsProblem? ifDuplicate = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, expectedVersion, (business, _) => Task.FromResult(change(business)), ifDuplicate, cancellationToken);

    private static Business? Sorted(Business? business)
    {
        if (business is not null)
        {
            business.Services = [.. business.Services.OrderBy(s => s.SortOrder).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
        }

        return business;
    }
}
