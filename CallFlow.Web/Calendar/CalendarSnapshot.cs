using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Domain.Calls;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calendar;

/// <summary>
/// One business's calendar as read at one moment: its rules and services, and an <see cref="AvailabilityCalculator"/>
/// over the appointments and live holds of the bookable window (or of the days around one time). Read it inside the
/// booking transaction for the commit's re-check.
/// </summary>
internal sealed class CalendarSnapshot
{
    private readonly DateTimeOffset _now;
    private readonly string? _forCallId;
    private readonly string? _excludeAppointmentId;

    private CalendarSnapshot(
        Business business, CalendarRules rules, AvailabilityCalculator availability, DateTimeOffset now, string? forCallId, string? excludeAppointmentId,
        DateTimeOffset? window)
    {
        Business = business;
        Rules = rules;
        Availability = availability;
        Zone = availability.TimeZone;
        Window = window;
        _now = now;
        _forCallId = forCallId;
        _excludeAppointmentId = excludeAppointmentId;
    }

    /// <summary>
    /// The business's <see cref="CalendarRevision"/> read before the rows (<see cref="LoadRevisionedAsync"/>), so a
    /// write that finds it unchanged knows the rows still hold; null when it was not read.
    /// </summary>
    public long? Revision { get; private set; }

    /// <summary>The instant whose days alone were read (two either side); null when the whole bookable window was.</summary>
    public DateTimeOffset? Window { get; }

    public Business Business { get; }

    public CalendarRules Rules { get; }

    public AvailabilityCalculator Availability { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>An active service of the business, as it is booked today.</summary>
    public ServiceOffering? Service(string serviceId) => Business.ActiveOffering(serviceId);

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// This calendar over the whole bookable window, for alternatives: itself when it already covers it, otherwise its
    /// appointments and holds read again for every day (same business, call, excluded appointment and instant).
    /// </summary>
    public async Task<CalendarSnapshot> WholeWindowAsync(CallFlowDb db, CancellationToken cancellationToken) =>
        Window is null ? this : await LoadAsync(db, Business, _now, _forCallId, _excludeAppointmentId, cancellationToken);

    /// <summary>The nearest free slots around an instant, in the business's time of day (same day first).</summary>
    public IReadOnlyList<AvailableSlot> AlternativesAround(ServiceOffering service, DateTimeOffset start, int count)
    {
        var local = Local(start);
        return Availability.Alternatives(service, DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime), count);
    }

    /// <summary>The longest an appointment can last: the longest a service may take.</summary>
    internal static readonly TimeSpan LongestAppointment = TimeSpan.FromMinutes(CalendarRules.MaxServiceMinutes);

    /// <summary>
    /// Reads the business's calendar; null when there is no such business. <paramref name="forCallId"/>'s own holds do
    /// not block it, and <paramref name="excludeAppointmentId"/> (an appointment being moved) does not block itself.
    /// With <paramref name="around"/>, only the appointments of the days around that instant are read: enough to check
    /// a time on that day (its buffers, capacity and daily limit), which is what a commit's re-check needs inside the
    /// write transaction, where every millisecond keeps the other calls waiting.
    /// </summary>
    /// <exception cref="CalendarUnavailableException">The business's calendar rules do not validate.</exception>
    public static async Task<CalendarSnapshot?> LoadAsync(
        CallFlowDb db, BusinessCache businesses, string businessId, DateTimeOffset now, string? forCallId, string? excludeAppointmentId,
        CancellationToken cancellationToken, DateTimeOffset? around = null)
    {
        var business = await businesses.FindAsync(db, businessId, cancellationToken);
        return business is null ? null : await LoadAsync(db, business, now, forCallId, excludeAppointmentId, cancellationToken, around);
    }

    /// <summary>
    /// The calendar of a business already read (with its services): its rules as they were then, its appointments and
    /// holds as they are now.
    /// </summary>
    /// <exception cref="CalendarUnavailableException">The business's calendar rules do not validate.</exception>
    public static async Task<CalendarSnapshot> LoadAsync(
        CallFlowDb db, Business business, DateTimeOffset now, string? forCallId, string? excludeAppointmentId, CancellationToken cancellationToken,
        DateTimeOffset? around = null)
    {
        var businessId = business.Id;
        var rules = business.ToCalendarRules();
        if (rules.Validate() is { Count: > 0 } problems)
        {
            throw new CalendarUnavailableException($"The calendar rules of {business.Name} are invalid: {problems[0].Message}");
        }

        // Buffers and durations stay under a day each, so two days either side covers everything that can
        // touch a bookable date; the calculator skips the rest by binary search.
        var from = around?.AddDays(-2) ?? now.AddDays(-2);
        var until = around?.AddDays(2) ?? now.AddDays(rules.HorizonDays + 3);
        // No appointment lasts longer than a day, so one ending after `from` started at most a day before it. Saying so
        // lets the (business, start) index skip the business's whole history instead of scanning it on every read.
        var earliestStart = from - LongestAppointment;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.BusinessId == businessId && a.Status != AppointmentStatus.Cancelled && a.Id != excludeAppointmentId)
            .Where(a => a.EndUtc > from && a.StartUtc < until && a.StartUtc >= earliestStart)
            .Select(a => new BookedAppointment(a.StartUtc, a.EndUtc, a.BufferBeforeMinutes, a.BufferAfterMinutes, a.ResourceId))
            .ToListAsync(cancellationToken);
        var holds = await LiveHolds(db, businessId, now).Select(h => h.ToHold()).ToListAsync(cancellationToken);

        return new CalendarSnapshot(
            business, rules, new AvailabilityCalculator(rules, appointments, holds, now, forCallId), now, forCallId, excludeAppointmentId, around);
    }

    /// <summary>
    /// <see cref="LoadAsync(CallFlowDb, Business, DateTimeOffset, string?, string?, CancellationToken, DateTimeOffset?)"/>
    /// with the calendar's revision read first, for a decision made outside the write lock and written under it once
    /// <see cref="UnchangedAsync"/> says nothing took time from the calendar in between.
    /// </summary>
    public static async Task<CalendarSnapshot> LoadRevisionedAsync(
        CallFlowDb db, Business business, DateTimeOffset now, string? forCallId, CancellationToken cancellationToken, DateTimeOffset? around = null)
    {
        // Before the rows: a change between the two reads then shows as a new revision, never as rows older than it.
        var revision = await CalendarRevision.ReadAsync(db, business.Id, cancellationToken);
        var snapshot = await LoadAsync(db, business, now, forCallId, null, cancellationToken, around);
        snapshot.Revision = revision;
        return snapshot;
    }

    /// <summary>
    /// Whether no appointment or hold that could take time from this calendar was written since it was read: call it
    /// inside the write transaction, where nothing else can write until the commit.
    /// </summary>
    public async Task<bool> UnchangedAsync(CallFlowDb db, CancellationToken cancellationToken) =>
        Revision is { } read && await CalendarRevision.ReadAsync(db, Business.Id, cancellationToken) == read;

    /// <summary>Holds that still count: not expired, and not of a call that has ended (however it ended).</summary>
    public static IQueryable<HeldSlot> LiveHolds(CallFlowDb db, string businessId, DateTimeOffset now)
    {
        var ended = CallStates.Terminal.ToList();
        return db.SlotHolds.AsNoTracking()
            .Where(h => h.BusinessId == businessId && h.ExpiresAt > now)
            .Where(h => !db.Calls.Any(c => c.CallSid == h.CallId && ended.Contains(c.State)));
    }

    /// <summary>The slot an appointment occupies, in the business's time zone.</summary>
    public static AvailableSlot SlotOf(Appointment appointment, TimeZoneInfo zone) => new(
        appointment.StartUtc,
        appointment.EndUtc,
        TimeZoneInfo.ConvertTime(appointment.StartUtc, zone),
        TimeZoneInfo.ConvertTime(appointment.EndUtc, zone),
        appointment.ResourceId is { } resource ? [resource] : []);
}
