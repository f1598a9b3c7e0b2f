using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Calendar;

/// <summary>
/// A staff member (or room, or machine) an appointment is booked with. When a business lists resources,
/// a slot is free only if the business-wide capacity has room <em>and</em> at least one resource that offers
/// the service has room; bookings and holds name the resource they took. Resources share the business's
/// opening hours.
/// </summary>
/// <param name="Id">Stable id stored on appointments and holds.</param>
/// <param name="Name">Shown to owners and callers ("Anna").</param>
/// <param name="Capacity">Appointments this resource can take at once; 1 for a person.</param>
/// <param name="ServiceIds">The services it offers; null or empty means all of them.</param>
public sealed record CalendarResource(string Id, string Name, int Capacity = 1, IReadOnlyList<string>? ServiceIds = null)
{
    public bool Offers(ServiceOffering service) =>
        ServiceIds is null || ServiceIds.Count == 0 || ServiceIds.Contains(service.Id, StringComparer.Ordinal);
}
