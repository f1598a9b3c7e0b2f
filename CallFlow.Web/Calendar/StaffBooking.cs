using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Identity;
using PhoneNumbers;

namespace CallFlow.Web.Calendar;

/// <summary>What a staff member fills in to book by hand; date and time are the business's local ones.</summary>
public sealed record StaffAppointmentRequest(
    string BusinessId,
    ServiceOffering Service,
    DateOnly Date,
    TimeOnly Time,
    string CustomerName,
    string CustomerPhone,
    string IdempotencyKey);

/// <summary>
/// The console's bookings: the same <see cref="BookingDesk"/> and rules as the phone, limited to the signed-in staff
/// member's businesses (checked on every action, whatever id a page passes) and audited with their name.
/// Owners and front desk may both manage appointments.
/// </summary>
public sealed class StaffBooking(BusinessScope scope, BookingDesk desk, AppointmentQueries queries)
{
    private const int AlternativeCount = 4;

    public async Task<BookingOutcome> BookAsync(StaffAppointmentRequest request, CancellationToken cancellationToken = default)
    {
        var business = await BusinessAsync(request.BusinessId, cancellationToken);
        if (business is null)
        {
            return NoAccess;
        }

        if (NormalizePhone(request.CustomerPhone, business.TimeZoneId) is not { } phone)
        {
            return new BookingOutcome.Rejected("Enter the customer's phone number, with the country code if it is not a local number.");
        }

        if (ToUtc(business.TimeZoneId, request.Date, request.Time) is not { } start)
        {
            return await RefusedAsync(business.Id, request.Service.Id, request.Date, request.Time, cancellationToken);
        }

        var booking = new BookingRequest(business.Id, "", request.Service, start, request.CustomerName, phone, request.IdempotencyKey);
        return await desk.BookAsync(booking, await ActorAsync(), cancellationToken);
    }

    public async Task<BookingOutcome> RescheduleAsync(string appointmentId, DateOnly date, TimeOnly time, CancellationToken cancellationToken = default)
    {
        var appointment = await queries.FindAsync(await scope.BusinessIdsAsync(cancellationToken), appointmentId, cancellationToken);
        if (appointment is null || await BusinessAsync(appointment.BusinessId, cancellationToken) is not { } business)
        {
            return NoAccess;
        }

        if (ToUtc(business.TimeZoneId, date, time) is not { } start)
        {
            return await RefusedAsync(business.Id, appointment.ServiceId, date, time, cancellationToken);
        }

        return await desk.RescheduleAsync(new RescheduleRequest(business.Id, appointment.Id, "", start), await ActorAsync(), cancellationToken);
    }

    /// <summary>Commits a provisional appointment at its own time.</summary>
    public async Task<BookingOutcome> ConfirmAsync(string appointmentId, CancellationToken cancellationToken = default)
    {
        var appointment = await queries.FindAsync(await scope.BusinessIdsAsync(cancellationToken), appointmentId, cancellationToken);
        return appointment is null
            ? NoAccess
            : await desk.CommitProvisionalAsync(appointment.BusinessId, appointment.Id, await ActorAsync(), cancellationToken);
    }

    public async Task<CancelResult> CancelAsync(string appointmentId, string reason, CancellationToken cancellationToken = default)
    {
        var appointment = await queries.FindAsync(await scope.BusinessIdsAsync(cancellationToken), appointmentId, cancellationToken);
        return appointment is null
            ? CancelResult.NotFound
            : await desk.CancelAsync(appointment.BusinessId, appointment.Id, reason, await ActorAsync(), cancellationToken);
    }

    /// <summary>Free slots of a service on a local date, for the dialog's suggestions.</summary>
    /// <exception cref="CalendarUnavailableException">The calendar cannot be read.</exception>
    public async Task<IReadOnlyList<AvailableSlot>> FreeSlotsAsync(string businessId, string serviceId, DateOnly date, CancellationToken cancellationToken = default) =>
        await BusinessAsync(businessId, cancellationToken) is null ? [] : await desk.FreeSlotsAsync(businessId, serviceId, date, cancellationToken);

    /// <summary>The phone number in E.164, read as a local number of the business's country when it has no country code.</summary>
    public static string? NormalizePhone(string? text, string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        // Callers' numbers outside the Americas need their country code: the business's zone names no single country.
        var region = timeZoneId.StartsWith("America/", StringComparison.Ordinal) ? "US" : "ZZ";
        try
        {
            var utility = PhoneNumberUtil.GetInstance();
            var number = utility.Parse(text, region);
            return utility.IsPossibleNumber(number) ? utility.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// A local date and time in the zone as an instant: null when the clocks skip it; a repeated time is its first
    /// occurrence, as everywhere in the calendar.
    /// </summary>
    public static DateTimeOffset? ToUtc(string timeZoneId, DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static BookingOutcome NoAccess => new BookingOutcome.Rejected("This appointment or business does not exist, or you do not have access to it.");

    private async Task<BookingOutcome> RefusedAsync(string businessId, string serviceId, DateOnly date, TimeOnly time, CancellationToken cancellationToken)
    {
        try
        {
            return await desk.ExplainAsync(businessId, serviceId, date, time, AlternativeCount, cancellationToken) is { } advice
                ? new BookingOutcome.SlotTaken(advice.Why, advice.Alternatives)
                : NoAccess;
        }
        catch (CalendarUnavailableException e)
        {
            return new BookingOutcome.CalendarUnavailable(e.Message);
        }
    }

    private async Task<BusinessSummary?> BusinessAsync(string businessId, CancellationToken cancellationToken) =>
        (await scope.BusinessesAsync(cancellationToken)).FirstOrDefault(b => b.Id == businessId);

    private async Task<Actor> ActorAsync() => Actor.Staff((await scope.UserAsync()).StaffName());
}
