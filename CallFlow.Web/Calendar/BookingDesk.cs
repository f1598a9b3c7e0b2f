using System.Text.RegularExpressions;
using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Calendar;

/// <summary>
/// The calendar over the database (<see cref="IBookingDesk"/>), for the phone and the console alike. Reads build an
/// <see cref="AvailabilityCalculator"/> from fresh rows; writes run in one SQLite IMMEDIATE transaction (the write
/// lock is taken at BEGIN, so a read-then-write never deadlocks on lock upgrade), and capacity is guaranteed by the
/// unique claim index (<see cref="CapacityClaims"/>), so it holds across several app instances too. A database that
/// cannot be reached gives the CalendarUnavailable results, logged, never an exception.
/// </summary>
public sealed partial class BookingDesk(
    IDbContextFactory<CallFlowDb> dbFactory,
    BusinessCache businesses,
    BookingTexts texts,
    TimeProvider clock,
    IOptions<CalendarOptions> options,
    ILogger<BookingDesk> logger) : IBookingDesk
{
    public const int MaxNameLength = 100;
    public const int MaxKeyLength = 100;
    public const int MaxChoices = 10;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Offers the time asked for (held for the call) or the nearest free ones. A time asked for is checked on the
    /// appointments and holds of its own days, read outside the write lock with the calendar's revision. A free time
    /// is held in a short transaction that first makes sure the revision has not moved, and reads the days again under
    /// the lock when it has: nothing can take the time between the check and the hold, yet other writers wait only for
    /// the hold's own writes. A taken time, like a request without a time, never takes the write lock: its alternatives
    /// are searched outside any transaction, on the days already read first, then on more days only as needed
    /// (<see cref="CalendarSnapshot.AlternativesAsync(CallFlowDb, ServiceOffering, DateOnly, TimeOnly, int, TimeRange?, CancellationToken)"/>).
    /// </summary>
    public async Task<SlotOffer> OfferAsync(SlotRequest request, CancellationToken cancellationToken) =>
        await GuardAsync<SlotOffer>(nameof(OfferAsync), request.BusinessId, async () =>
        {
            var now = Now;
            await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
            var business = await businesses.FindAsync(db, request.BusinessId, cancellationToken)
                ?? throw new CalendarUnavailableException($"There is no business '{request.BusinessId}'.");
            var service = business.ActiveOffering(request.Service.Id) ?? request.Service;
            if (CalendarRules.ValidateService(service) is { Count: > 0 } problems)
            {
                throw new CalendarUnavailableException(problems[0].Message);
            }

            var count = Math.Clamp(request.ChoiceCount, 1, MaxChoices);
            if (request.Time is not { } time)
            {
                // Only a date, a part of the day or "the earliest": the earliest free slots from there, nothing held.
                var calendar = await CalendarSnapshot.LoadAsync(db, business, now, request.CallId, null, cancellationToken);
                var from = request.Date ?? calendar.Availability.Today;
                return new SlotOffer.Choices(calendar.Availability.Alternatives(service, from, request.Within?.Start ?? TimeOnly.MinValue, count, request.Within), null);
            }

            // An instant on the asked date (or now), for reading its days.
            var around = request.Date is { } day ? CalendarDays.LocalNoon(day, TimeZoneInfo.FindSystemTimeZoneById(business.TimeZoneId)) : now;
            var days = await CalendarSnapshot.LoadRevisionedAsync(db, business, now, request.CallId, cancellationToken, around);
            var date = request.Date ?? days.Availability.Today;
            var asked = days.Availability.Explain(service, date, time);
            if (asked.Slot is not null)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (!await days.UnchangedAsync(db, cancellationToken))
                {
                    // Someone booked or held in this calendar since: decide again on its rows as they are now.
                    days = await days.ReadAgainAsync(db, cancellationToken);
                    asked = days.Availability.Explain(service, date, time);
                }

                if (asked.Slot is { } slot)
                {
                    return await HoldAsync(db, request, service, slot, now, cancellationToken);
                }

                await transaction.RollbackAsync(cancellationToken);
            }

            return new SlotOffer.Choices(await days.AlternativesAsync(db, service, date, time, count, request.Within, cancellationToken), asked);
        }, reason => new SlotOffer.CalendarUnavailable(reason), cancellationToken);

    /// <summary>
    /// Holds a slot just found free, inside the open IMMEDIATE transaction that made sure of it (which keeps every other
    /// writer waiting while it lasts), replacing any earlier hold of the call, and commits.
    /// </summary>
    private async Task<SlotOffer.Held> HoldAsync(
        CallFlowDb db, SlotRequest request, ServiceOffering service, AvailableSlot slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hold = SlotHold.For(request.CallId, service, slot, now, options.Value.HoldLifetime);
        await db.SlotHolds.Where(h => h.BusinessId == request.BusinessId && h.CallId == request.CallId).ExecuteDeleteAsync(cancellationToken);
        db.SlotHolds.Add(HeldSlot.From(request.BusinessId, service.Id, hold, now));
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.CommitTransactionAsync(cancellationToken);
        return new SlotOffer.Held(slot, hold.ExpiresAt);
    }

    public async Task<DateTimeOffset?> ExtendHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) =>
        await GuardAsync<DateTimeOffset?>(nameof(ExtendHoldsAsync), businessId, async () =>
        {
            var now = Now;
            var until = now + options.Value.HoldLifetime;
            var due = now + options.Value.HoldLifetime / 2;
            await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);

            // Only live holds (a lapsed one may already have been offered to someone else), and only once half their
            // time is gone: a write per turn would queue every call behind the database's one writer for nothing.
            var live = db.SlotHolds.Where(h => h.BusinessId == businessId && h.CallId == callId && h.ExpiresAt > now && h.ExpiresAt < due);
            return await live.AnyAsync(cancellationToken) && await live.ExecuteUpdateAsync(set => set.SetProperty(h => h.ExpiresAt, until), cancellationToken) > 0
                ? until
                : null;
        }, _ => null, cancellationToken);

    public async Task ReleaseHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) =>
        await GuardAsync(nameof(ReleaseHoldsAsync), businessId, async () =>
        {
            await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
            var held = db.SlotHolds.Where(h => h.BusinessId == businessId && h.CallId == callId);
            return await held.AnyAsync(cancellationToken) ? await held.ExecuteDeleteAsync(cancellationToken) : 0;
        }, _ => 0, cancellationToken);

    public async Task<UpcomingAppointment?> FindUpcomingAsync(string businessId, string phoneNumber, CancellationToken cancellationToken) =>
        await GuardAsync(nameof(FindUpcomingAsync), businessId, async () =>
        {
            var now = Now;
            var phone = phoneNumber.Trim();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var next = await db.Appointments.AsNoTracking().Include(a => a.Business)
                .Where(a => a.BusinessId == businessId && a.CustomerPhone == phone && a.Status != AppointmentStatus.Cancelled && a.StartUtc > now)
                .OrderBy(a => a.StartUtc)
                .FirstOrDefaultAsync(cancellationToken);
            if (next?.Business is not { } business)
            {
                return null;
            }

            var local = TimeZoneInfo.ConvertTime(next.StartUtc, TimeZoneInfo.FindSystemTimeZoneById(business.TimeZoneId));
            return new UpcomingAppointment(next.Id, next.ServiceId, next.ServiceName, next.StartUtc, local, next.CustomerName);
        }, _ => null, cancellationToken);

    /// <summary>
    /// The explainer for the console: why a local time is or is not offered for a service, with the nearest free
    /// slots. Null when the business or service does not exist.
    /// </summary>
    /// <exception cref="CalendarUnavailableException">The calendar cannot be read.</exception>
    public async Task<SlotAdvice?> ExplainAsync(
        string businessId, string serviceId, DateOnly date, TimeOnly time, int alternatives, CancellationToken cancellationToken) =>
        await ReadAsync(businessId, calendar => calendar.Service(serviceId) is { } service
            ? new SlotAdvice(calendar.Availability.Explain(service, date, time), calendar.Availability.Alternatives(service, date, time, alternatives))
            : null, cancellationToken);

    /// <summary>Every free slot of a service on one local date (empty for an unknown business or service).</summary>
    /// <exception cref="CalendarUnavailableException">The calendar cannot be read.</exception>
    public async Task<IReadOnlyList<AvailableSlot>> FreeSlotsAsync(string businessId, string serviceId, DateOnly date, CancellationToken cancellationToken) =>
        await ReadAsync<IReadOnlyList<AvailableSlot>>(businessId, calendar => calendar.Service(serviceId) is { } service
            ? calendar.Availability.FreeSlots(service, date)
            : [], cancellationToken) ?? [];

    private async Task<T?> ReadAsync<T>(string businessId, Func<CalendarSnapshot, T?> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
            var calendar = await CalendarSnapshot.LoadAsync(db, businesses, businessId, Now, null, null, cancellationToken);
            return calendar is null ? default : read(calendar);
        }
        catch (Exception e) when (e is not CalendarUnavailableException && CalendarFailures.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Calendar of {BusinessId} unavailable", businessId);
            throw new CalendarUnavailableException("The calendar cannot be reached right now.", e);
        }
    }

    /// <summary>Runs one calendar operation; an unreachable calendar becomes the operation's "unavailable" answer.</summary>
    private async Task<T> GuardAsync<T>(string operation, string businessId, Func<Task<T>> work, Func<string, T> unavailable, CancellationToken cancellationToken)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (CalendarFailures.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            var reason = CalendarFailures.Describe(e);
            logger.LogError(e, "Calendar of {BusinessId} unavailable during {Operation}: {Reason}", businessId, operation, reason);
            return unavailable(reason);
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    internal static partial Regex E164();
}

/// <summary>Why a time is (not) offered, and the nearest free slots around it.</summary>
public sealed record SlotAdvice(SlotExplanation Why, IReadOnlyList<AvailableSlot> Alternatives);
