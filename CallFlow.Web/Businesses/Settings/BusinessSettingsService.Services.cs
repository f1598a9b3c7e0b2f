using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Businesses.Settings;

public sealed partial class BusinessSettingsService
{
    public const int MaxServices = 100;

    /// <summary>
    /// Adds a service (no <see cref="ServiceForm.Id"/>) or edits one of the business's. Names are unique per business
    /// whatever their case, deactivated services included; duration and buffers follow the calendar rules.
    /// </summary>
    public Task<SettingsResult> SaveServiceAsync(string businessId, int version, ServiceForm form, CancellationToken cancellationToken = default)
    {
        var duplicate = SettingsProblem.For(form, nameof(ServiceForm.Name), $"There is already a service called {form.Name?.Trim()}.");
        return UpdateAsync(businessId, version, business =>
        {
            var service = form.Id is null ? null : business.Services.FirstOrDefault(s => s.Id == form.Id);
            if (form.Id is not null && service is null)
            {
                return [SettingsProblem.General(form, "This service no longer exists; reload the page.")];
            }

            var problems = FormChecks.Annotations(form);
            var name = FormChecks.Clean(form.Name);
            var synonyms = form.Synonyms.Select(FormChecks.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (synonyms.Count > ServiceForm.MaxSynonyms || synonyms.Any(s => s.Length > ServiceForm.MaxSynonymLength))
            {
                problems.Add(SettingsProblem.For(form, nameof(form.Synonyms), $"Up to {ServiceForm.MaxSynonyms} other words, each under {ServiceForm.MaxSynonymLength} characters."));
            }

            if (name is not null && business.Services.FirstOrDefault(s => s.Id != form.Id && string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)) is { } other)
            {
                problems.Add(other.IsActive ? duplicate : SettingsProblem.For(form, nameof(form.Name), $"A deactivated service is called {other.Name}; reactivate it instead."));
            }

            if (service is null && business.Services.Count >= MaxServices)
            {
                problems.Add(SettingsProblem.General(form, $"A business can have at most {MaxServices} services."));
            }

            var offering = new ServiceOffering(form.Id ?? "", name ?? "", synonyms, form.DurationMinutes, form.BufferBeforeMinutes, form.BufferAfterMinutes, form.Price);
            problems.AddRange(CalendarRules.ValidateService(offering).Select(p => SettingsProblem.For(form, p.Field, p.Message)));
            if (problems.Count > 0)
            {
                return problems;
            }

            if (service is null)
            {
                service = new Service { BusinessId = business.Id, Name = name!, SortOrder = business.Services.Select(s => s.SortOrder + 1).DefaultIfEmpty(0).Max() };
                business.Services.Add(service);
            }

            service.Name = name!;
            service.Synonyms = synonyms;
            service.DurationMinutes = form.DurationMinutes;
            service.BufferBeforeMinutes = form.BufferBeforeMinutes;
            service.BufferAfterMinutes = form.BufferAfterMinutes;
            service.Price = form.Price;

            // With staff or rooms, a new service must be offered by someone: the rules say so in words.
            var rules = business.ToCalendarRules();
            return [.. rules.Validate(Offerings(business, rules.Resources)).Select(p => SettingsProblem.General(form, p.Message))];
        }, duplicate, cancellationToken);
    }

    /// <summary>
    /// Deactivates a service (callers can no longer book it; its appointments stay) or reactivates it. Deactivating
    /// the last active service is refused: a business must offer something.
    /// </summary>
    public Task<SettingsResult> SetServiceActiveAsync(string businessId, int version, string serviceId, bool active, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, version, business =>
        {
            if (business.Services.FirstOrDefault(s => s.Id == serviceId) is not { } service)
            {
                return [SettingsProblem.General(business, "This service no longer exists; reload the page.")];
            }

            if (!active && business.Services.All(s => s.Id == serviceId || !s.IsActive))
            {
                return [SettingsProblem.General(business, $"{service.Name} is the only active service; add another before deactivating it.")];
            }

            service.IsActive = active;
            var rules = business.ToCalendarRules();
            return [.. rules.Validate(Offerings(business, rules.Resources)).Select(p => SettingsProblem.General(business, p.Message))];
        }, cancellationToken: cancellationToken);

    /// <summary>
    /// Deletes a service nobody has ever booked or held (a typo, say). One with appointments or holds is refused with
    /// a problem that suggests deactivating it, so the history keeps pointing at a real service.
    /// </summary>
    public Task<SettingsResult> DeleteServiceAsync(string businessId, int version, string serviceId, CancellationToken cancellationToken = default) =>
        UpdateAsync(businessId, version, async (business, db) =>
        {
            if (business.Services.FirstOrDefault(s => s.Id == serviceId) is not { } service)
            {
                return [SettingsProblem.General(business, "This service no longer exists; reload the page.")];
            }

            if (await db.Appointments.AnyAsync(a => a.BusinessId == business.Id && a.ServiceId == serviceId, cancellationToken)
                || await db.SlotHolds.AnyAsync(h => h.BusinessId == business.Id && h.ServiceId == serviceId, cancellationToken))
            {
                return [SettingsProblem.General(business, $"{service.Name} has appointments, so it cannot be deleted; deactivate it instead.")];
            }

            if (business.Resources.Any(r => r.ServiceIds?.Contains(serviceId) == true))
            {
                return [SettingsProblem.General(business, $"A staff member or room offers {service.Name}; untick it there first, or deactivate the service.")];
            }

            if (service.IsActive && business.Services.All(s => s.Id == serviceId || !s.IsActive))
            {
                return [SettingsProblem.General(business, $"{service.Name} is the only active service; add another before deleting it.")];
            }

            business.Services.Remove(service);
            db.Services.Remove(service);
            return [];
        }, cancellationToken: cancellationToken);
}
