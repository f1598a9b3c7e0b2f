using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Domain.Calls;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calendar;

/// <summary>
/// One business's calendar as read at one moment: its rules and services, and an <see cref="AvailabilityCalculator"/>
/// over the appointments and live holds of the bookable window (or of some days only: <see cref="Days"/>). Read it
/// inside the booking transaction for the commit's re-check.
/// </summary>
internal sealed class CalendarSnapshot
{
    private readonly DateTimeOffset _now;
    private readonly string? _forCallId;
    private readonly string? _excludeAppointmentId;

    private CalendarSnapshot(
        Business business, CalendarRules rules, AvailabilityCalculator availability, DateTimeOffset now, string? forCallId, string? excludeAppointmentId,
        CalendarDays? days)
    {
        Business = business;
        Rules = rules;
        Availability = availability;
        Zone = availability.TimeZone;
        Days = days;
        _now = now;
        _forCallId = forCallId;
        _excludeAppointmentId = excludeAppointmentId;
    }

    /// <summary>
    /// The business's <see cref="CalendarRevision"/> read before the rows (<see cref="LoadRevisionedAsync"/>), so a
    /// write that finds it unchanged knows the rows still hold; null when it was not read.
    /// </summary>
    public long? Revision { get; private set; }

    /// <summary>The local dates whose appointments and holds alone were read; null when the whole bookable window was.</summary>
    public CalendarDays? Days { get; }

    public Business Business { get; }

    public CalendarRules Rules { get; }

    public AvailabilityCalculator Availability { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>An active service of the business, as it is booked today.</summary>
    public ServiceOffering? Service(string serviceId) => Business.ActiveOffering(serviceId);

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The nearest free slots around a local date and time (<see cref="SlotAlternatives.Alternatives"/>: that day first,
    /// then the following ones), reading no more of the calendar than the search needs. The days this calendar already
    /// read come first (an offer's or a booking's asked day: usually a free time nearby); when they do not give
    /// <paramref name="count"/> slots, the asked day and the <see cref="AlternativeWeek"/> after it are read; only when
    /// those fall short too is the whole bookable window read. Each read has the same business, call, excluded
    /// appointment and instant as this one, and a search stops at the last day its read covers.
    /// </summary>
    public async Task<IReadOnlyList<AvailableSlot>> AlternativesAsync(
        CallFlowDb db, ServiceOffering service, DateOnly date, TimeOnly time, int count, TimeRange? within, CancellationToken cancellationToken)
    {
        var calendar = this;
        while (calendar.Days is { } days)
        {
            if (days.Contains(date))
            {
                var found = calendar.Availability.Alternatives(service, date, time, count, within, through: days.Last);
                if (found.Count == count || days.Last >= calendar.Availability.LastBookableDate)
                {
                    return found;
                }
            }

            var wider = days.Contains(date) && days.Last >= date.AddDays(AlternativeWeek) ? (CalendarDays?)null : new CalendarDays(date, date.AddDays(AlternativeWeek));
            calendar = await ReadAsync(db, wider, cancellationToken);
        }

        return calendar.Availability.Alternatives(service, date, time, count, within);
    }

    /// <summary>
    /// The same days of the calendar (same business, call, excluded appointment and instant) read again: for when the
    /// rows showed something this read did not, and what it says about free times is known to be out of date.
    /// </summary>
    public Task<CalendarSnapshot> ReadAgainAsync(CallFlowDb db, CancellationToken cancellationToken) => ReadAsync(db, Days, cancellationToken);

    /// <summary>This calendar's read (business, call, excluded appointment, instant) over other days; null days for the whole window.</summary>
    private Task<CalendarSnapshot> ReadAsync(CallFlowDb db, CalendarDays? days, CancellationToken cancellationToken) =>
        ReadAsync(db, Business, _now, _forCallId, _excludeAppointmentId, around: null, days, cancellationToken);

    /// <summary>How many days after the asked one the second read for alternatives covers.</summary>
    internal const int AlternativeWeek = 6;

    /// <summary>The nearest free slots around an instant, in the business's time of day (<see cref="AlternativesAsync(CallFlowDb, ServiceOffering, DateOnly, TimeOnly, int, TimeRange?, CancellationToken)"/>).</summary>
    public Task<IReadOnlyList<AvailableSlot>> AlternativesAsync(CallFlowDb db, ServiceOffering service, DateTimeOffset start, int count, CancellationToken cancellationToken)
    {
        var local = Local(start);
        return AlternativesAsync(db, service, DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime), count, null, cancellationToken);
    }

    /// <summary>The longest an appointment can last: the longest a service may take.</summary>
    internal static readonly TimeSpan LongestAppointment = TimeSpan.FromMinutes(CalendarRules.MaxServiceMinutes);

    /// <summary>
    /// Reads the business's calendar; null when there is no such business. <paramref name="forCallId"/>'s own holds do
    /// not block it, and <paramref name="excludeAppointmentId"/> (an appointment being moved) does not block itself.
    /// With <paramref name="around"/>, only the appointments of that instant's local date are read: enough to check a
    /// time on that day (its buffers, capacity and daily limit), which is what a commit's re-check needs inside the
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
    public static Task<CalendarSnapshot> LoadAsync(
        CallFlowDb db, Business business, DateTimeOffset now, string? forCallId, string? excludeAppointmentId, CancellationToken cancellationToken,
        DateTimeOffset? around = null) =>
        ReadAsync(db, business, now, forCallId, excludeAppointmentId, around, days: null, cancellationToken);

    /// <summary>The read behind every load: over <paramref name="days"/>, else the local date of <paramref name="around"/>, else the whole window.</summary>
    private static async Task<CalendarSnapshot> ReadAsync(
        CallFlowDb db, Business business, DateTimeOffset now, string? forCallId, string? excludeAppointmentId, DateTimeOffset? around, CalendarDays? days,
        CancellationToken cancellationToken)
    {
        var businessId = business.Id;
        var rules = business.ToCalendarRules();
        if (rules.Validate() is { Count: > 0 } problems)
        {
            throw new CalendarUnavailableException($"The calendar rules of {business.Name} are invalid: {problems[0].Message}");
        }

        days ??= around is { } instant ? CalendarDays.Around(instant, TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZoneId)) : null;
        // Buffers and durations stay under a day each, so two days either side covers everything that can
        // touch a bookable date; the calculator skips the rest by binary search.
        var from = days?.ReadFrom ?? now.AddDays(-2);
        var until = days?.ReadUntil ?? now.AddDays(rules.HorizonDays + 3);
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
            business, rules, new AvailabilityCalculator(rules, appointments, holds, now, forCallId), now, forCallId, excludeAppointmentId, days);
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

    /// <summary>
    /// Holds that still count: not expired, and not of a call that has ended (however it ended). The conversation holds
    /// under the call's row id; a hold may also name the call by its CallSid.
    /// </summary>
    public static IQueryable<HeldSlot> LiveHolds(CallFlowDb db, string businessId, DateTimeOffset now)
    {
        var ended = CallStates.Terminal.ToList();
        return db.SlotHolds.AsNoTracking()
            .Where(h => h.BusinessId == businessId && h.ExpiresAt > now)
            .Where(h => !db.Calls.Any(c => (c.Id == h.CallId || c.CallSid == h.CallId) && ended.Contains(c.State)));
    }

    /// <summary>The slot an appointment occupies, in the business's time zone.</summary>
    public static AvailableSlot SlotOf(Appointment appointment, TimeZoneInfo zone) => new(
        appointment.StartUtc,
        appointment.EndUtc,
        TimeZoneInfo.ConvertTime(appointment.StartUtc, zone),
        TimeZoneInfo.ConvertTime(appointment.EndUtc, zone),
        appointment.ResourceId is { } resource ? [resource] : []);
}

/// <summary>Some consecutive local dates of a business, <see cref="First"/> to <see cref="Last"/>: the days a partial calendar read answers for.</summary>
internal readonly record struct CalendarDays(DateOnly First, DateOnly Last)
{
    /// <summary>The local date of <paramref name="instant"/> alone.</summary>
    public static CalendarDays Around(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return new CalendarDays(date, date);
    }

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>An instant on a local date, whatever its clock changes: noon there.</summary>
    public static DateTimeOffset LocalNoon(DateOnly date, TimeZoneInfo zone)
    {
        var noon = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, zone.GetUtcOffset(noon));
    }

    // Noon UTC of a date, two days either side, covers that local date in every time zone, with room for the durations
    // and buffers around it as long as they stay well under a day (the rules allow up to a day each).
    public DateTimeOffset ReadFrom => Noon(First).AddDays(-2);

    public DateTimeOffset ReadUntil => Noon(Last).AddDays(2);

    private static DateTimeOffset Noon(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
