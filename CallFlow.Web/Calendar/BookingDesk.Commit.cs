using System.Globalization;
using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calendar;

/// <summary>The commits: book, move, confirm a provisional booking. Each is one transaction with its claims.</summary>
public sealed partial class BookingDesk
{
    /// <summary>A unique-index violation means another commit won a seat; try again on fresh data this many times.</summary>
    private const int CommitAttempts = 3;

    private const int AlternativeCount = 3;

    public Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken cancellationToken) =>
        BookAsync(request, Actor.Caller(request.CustomerPhone), cancellationToken);

    /// <summary>Books on behalf of <paramref name="actor"/> (a caller, a staff member, the recovery job), recorded as CreatedBy.</summary>
    public async Task<BookingOutcome> BookAsync(BookingRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (WhyInvalid(request) is { } reason)
        {
            return new BookingOutcome.Rejected(reason);
        }

        return await CommitAsync(nameof(BookAsync), request.BusinessId, db => TryBookAsync(db, request, actor, cancellationToken), cancellationToken);
    }

    public Task<BookingOutcome> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken) =>
        RescheduleAsync(request, actor: null, cancellationToken);

    /// <summary>Moves an appointment for <paramref name="actor"/> (null: the customer on the phone), recorded as RescheduledBy.</summary>
    public Task<BookingOutcome> RescheduleAsync(RescheduleRequest request, Actor? actor, CancellationToken cancellationToken) =>
        CommitAsync(nameof(RescheduleAsync), request.BusinessId,
            db => TryMoveAsync(db, request.BusinessId, request.AppointmentId, request.CallId, request.NewStartUtc, actor, provisionalOnly: false, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Commits a provisional appointment at its own time, with the same checks and claims as a new booking: Booked
    /// (then it is confirmed to the customer by text), SlotTaken with alternatives, or Rejected when it is not provisional.
    /// </summary>
    public Task<BookingOutcome> CommitProvisionalAsync(string businessId, string appointmentId, Actor actor, CancellationToken cancellationToken) =>
        CommitAsync(nameof(CommitProvisionalAsync), businessId,
            db => TryMoveAsync(db, businessId, appointmentId, "", newStart: null, actor, provisionalOnly: true, cancellationToken), cancellationToken);

    private static string? WhyInvalid(BookingRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CustomerName) || request.CustomerName.Trim().Length > MaxNameLength)
        {
            return $"The customer's name is needed (at most {MaxNameLength} characters).";
        }

        if (!E164().IsMatch(request.CustomerPhone))
        {
            return "The customer's phone number must be in international form, such as +12125550147.";
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > MaxKeyLength)
        {
            return $"The booking needs an idempotency key of at most {MaxKeyLength} characters.";
        }

        return null;
    }

    /// <summary>Runs a commit, again on fresh data when a concurrent commit took a seat first.</summary>
    private async Task<BookingOutcome> CommitAsync(
        string operation, string businessId, Func<CallFlowDb, Task<BookingOutcome>> attempt, CancellationToken cancellationToken) =>
        await GuardAsync<BookingOutcome>(operation, businessId, async () =>
        {
            for (var round = 1; ; round++)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                try
                {
                    return await attempt(db);
                }
                catch (Exception e) when (CalendarFailures.IsUniqueViolation(e) && round < CommitAttempts)
                {
                    logger.LogInformation("{Operation} for {BusinessId}: a concurrent commit took a seat first; checking again", operation, businessId);
                }
                catch (Exception e) when (CalendarFailures.IsUniqueViolation(e))
                {
                    logger.LogWarning(e, "{Operation} for {BusinessId}: seats kept changing; giving up", operation, businessId);
                    return new BookingOutcome.SlotTaken(new SlotExplanation(SlotVerdict.Taken, "Time slot no longer available: it was booked a moment ago.", null), []);
                }
            }
        }, reason => new BookingOutcome.CalendarUnavailable(reason), cancellationToken);

    /// <summary>
    /// A new booking, decided first on rows read outside the write lock and written under it if the calendar's revision
    /// has not moved in between; if it has, decided again with every read inside the transaction.
    /// </summary>
    private async Task<BookingOutcome> TryBookAsync(CallFlowDb db, BookingRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (await TryBookAsync(db, request, actor, locked: false, cancellationToken) is { } outcome)
        {
            return outcome;
        }

        db.ChangeTracker.Clear();
        return await TryBookAsync(db, request, actor, locked: true, cancellationToken)
            ?? throw new InvalidOperationException("A booking decided under the write lock has nothing to decide again.");
    }

    /// <summary>One round of <see cref="TryBookAsync(CallFlowDb, BookingRequest, Actor, CancellationToken)"/>; null when, <paramref name="locked"/> false, the calendar changed before the write.</summary>
    private async Task<BookingOutcome?> TryBookAsync(CallFlowDb db, BookingRequest request, Actor actor, bool locked, CancellationToken cancellationToken)
    {
        await using var transaction = locked ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var existing = await db.Appointments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.BusinessId == request.BusinessId && a.IdempotencyKey == request.IdempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return await RepeatedAsync(db, existing, request, actor, cancellationToken);
        }

        if (await businesses.FindAsync(db, request.BusinessId, cancellationToken) is not { } business)
        {
            return new BookingOutcome.Rejected($"There is no business '{request.BusinessId}'.");
        }

        var calendar = locked
            ? await CalendarSnapshot.LoadAsync(db, business, Now, request.CallId, null, cancellationToken, around: request.StartUtc)
            : await CalendarSnapshot.LoadRevisionedAsync(db, business, Now, request.CallId, cancellationToken, around: request.StartUtc);
        if (calendar.Service(request.Service.Id) is not { } service)
        {
            return new BookingOutcome.Rejected($"{business.Name} does not offer {request.Service.Name} (any more).");
        }

        var appointment = new Appointment
        {
            BusinessId = request.BusinessId,
            ServiceId = service.Id,
            ServiceName = service.Name,
            CustomerName = request.CustomerName.Trim(),
            CustomerPhone = request.CustomerPhone,
            CallId = string.IsNullOrEmpty(request.CallId) ? null : request.CallId,
            CreatedBy = actor.ToString(),
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = Now,
        };
        db.Appointments.Add(appointment);
        return await PlaceAsync(db, calendar, appointment, service, request.StartUtc, request.ResourceId, request.CallId, BookingText.Confirmation, cancellationToken);
    }

    /// <summary>The same confirmation again: the appointment it made, or (still provisional) its commit.</summary>
    private async Task<BookingOutcome> RepeatedAsync(CallFlowDb db, Appointment existing, BookingRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (existing.ServiceId != request.Service.Id || existing.StartUtc != request.StartUtc)
        {
            return new BookingOutcome.Rejected("This confirmation already booked a different appointment; a new booking needs a new idempotency key.");
        }

        if (existing.Status == AppointmentStatus.Provisional)
        {
            return await TryMoveAsync(db, existing.BusinessId, existing.Id, request.CallId, newStart: null, actor, provisionalOnly: true, cancellationToken);
        }

        var zone = await db.Businesses.Where(b => b.Id == existing.BusinessId).Select(b => b.TimeZoneId).SingleAsync(cancellationToken);
        logger.LogInformation("Booking {IdempotencyKey} for {BusinessId} repeated: appointment {AppointmentId} already exists", request.IdempotencyKey, request.BusinessId, existing.Id);
        return new BookingOutcome.Booked(existing.Id, CalendarSnapshot.SlotOf(existing, TimeZoneInfo.FindSystemTimeZoneById(zone)), AlreadyBooked: true);
    }

    /// <summary>Moves an appointment (or commits a provisional one at <paramref name="newStart"/>, default its own time).</summary>
    private async Task<BookingOutcome> TryMoveAsync(
        CallFlowDb db, string businessId, string appointmentId, string callId, DateTimeOffset? newStart, Actor? actor, bool provisionalOnly, CancellationToken cancellationToken)
    {
        // A repeated booking of a provisional appointment arrives here inside the booking's own transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.BusinessId == businessId && a.Id == appointmentId, cancellationToken);
        if (appointment is null || appointment.Status == AppointmentStatus.Cancelled)
        {
            return new BookingOutcome.Rejected("There is no such appointment, or it was cancelled.");
        }

        if (provisionalOnly && appointment.Status != AppointmentStatus.Provisional)
        {
            return new BookingOutcome.Rejected("This appointment is not provisional; it is already booked.");
        }

        if (appointment.Status == AppointmentStatus.Booked && appointment.StartUtc <= Now)
        {
            return new BookingOutcome.Rejected("This appointment has already started, so it can no longer be moved.");
        }

        var calendar = await CalendarSnapshot.LoadAsync(db, businesses, businessId, Now, callId, appointment.Id, cancellationToken, around: newStart ?? appointment.StartUtc)
            ?? throw new CalendarUnavailableException($"There is no business '{businessId}'.");
        if (newStart is not null)
        {
            appointment.RescheduledAt = Now;
            appointment.RescheduledBy = (actor ?? Actor.Caller(appointment.CustomerPhone)).ToString();
        }

        // A provisional booking committed at its own time is confirmed to the customer; a move tells the new time.
        var text = newStart is null ? BookingText.Confirmation : BookingText.Moved;
        // Inside the move's own transaction, so never decided outside the write lock and never null.
        return (await PlaceAsync(db, calendar, appointment, appointment.AsBooked(), newStart ?? appointment.StartUtc, null, callId, text, cancellationToken))!;
    }

    /// <summary>
    /// The commit proper: check the time on the calendar read, claim a seat in every unit (the unique index refuses a
    /// seat a concurrent commit took), drop the call's holds, add the customer's <paramref name="text"/>, save, insert the
    /// claims in one statement, commit, and only then ask for the text to be sent. Called inside an open transaction, it
    /// decides on rows read under the write lock. Called outside one, on a calendar read with its revision, it decides
    /// without the lock (a taken time never waits for it), then begins the transaction for the writes alone, and
    /// returns null without writing when the revision moved in between.
    /// </summary>
    private async Task<BookingOutcome?> PlaceAsync(
        CallFlowDb db, CalendarSnapshot calendar, Appointment appointment, ServiceOffering service,
        DateTimeOffset start, string? resourceId, string callId, BookingText text, CancellationToken cancellationToken)
    {
        var check = calendar.Availability.Check(service, start, resourceId);
        if (check.Slot is not { } slot)
        {
            return new BookingOutcome.SlotTaken(check, await calendar.AlternativesAsync(db, service, start, AlternativeCount, cancellationToken));
        }

        appointment.StartUtc = slot.StartUtc;
        appointment.EndUtc = slot.EndUtc;
        appointment.BufferBeforeMinutes = service.BufferBeforeMinutes;
        appointment.BufferAfterMinutes = service.BufferAfterMinutes;
        appointment.ResourceId = resourceId
            ?? (appointment.ResourceId is { } kept && slot.FreeResourceIds.Contains(kept) ? kept : slot.FreeResourceIds.FirstOrDefault());
        appointment.Status = AppointmentStatus.Booked;
        appointment.Version++;

        if (db.Entry(appointment).State != EntityState.Added)
        {
            // A provisional or moved appointment gives back the seats it held; a new one has none.
            await db.CalendarClaims.Where(c => c.AppointmentId == appointment.Id).ExecuteDeleteAsync(cancellationToken);
        }

        var needed = CapacityClaims.Needed(calendar.Rules, appointment.ToBooked());
        var claims = CapacityClaims.Assign(needed, await ClaimsInAsync(db, appointment.BusinessId, needed, cancellationToken));
        if (claims is null)
        {
            // The rows say full although the calculator saw room: a provisional booking, a lowered capacity, or (read
            // outside the lock) a booking made since. The calculator is out of date: alternatives come from a new read.
            var why = new SlotExplanation(SlotVerdict.Taken, string.Create(CultureInfo.InvariantCulture,
                $"Every seat is already claimed at {calendar.Local(start):HH:mm} on {calendar.Local(start):dddd d MMMM}."), null);
            var current = await calendar.ReadAgainAsync(db, cancellationToken);
            return new BookingOutcome.SlotTaken(why, await current.AlternativesAsync(db, service, start, AlternativeCount, cancellationToken));
        }

        await using var writes = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (writes is not null && !await calendar.UnchangedAsync(db, cancellationToken))
        {
            await writes.RollbackAsync(cancellationToken);
            return null;
        }

        if (!string.IsNullOrEmpty(callId))
        {
            await db.SlotHolds.Where(h => h.BusinessId == appointment.BusinessId && h.CallId == callId).ExecuteDeleteAsync(cancellationToken);
        }

        var queued = await texts.AddAsync(db, appointment, text, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CalendarClaim.InsertAsync(db, appointment.BusinessId, appointment.Id, claims, cancellationToken);
        await db.Database.CommitTransactionAsync(cancellationToken);
        texts.Send(queued);
        logger.LogInformation("Appointment {AppointmentId} of {BusinessId} booked at {Start} ({Claims} claims)", appointment.Id, appointment.BusinessId, slot.StartUtc, claims.Count);
        return new BookingOutcome.Booked(appointment.Id, slot, AlreadyBooked: false);
    }

    /// <summary>The stored claims of the pools and units an appointment needs (one range query per pool).</summary>
    private static async Task<List<CapacityClaim>> ClaimsInAsync(CallFlowDb db, string businessId, IReadOnlyList<ClaimUnit> needed, CancellationToken cancellationToken)
    {
        var existing = new List<CapacityClaim>();
        foreach (var pool in needed.GroupBy(n => n.Pool))
        {
            var (first, last) = (pool.Min(n => n.Unit), pool.Max(n => n.Unit));
            existing.AddRange(await db.CalendarClaims.AsNoTracking()
                .Where(c => c.BusinessId == businessId && c.Pool == pool.Key && c.Unit >= first && c.Unit <= last)
                .Select(c => new CapacityClaim(c.Pool, c.Unit, c.Seat))
                .ToListAsync(cancellationToken));
        }

        return existing;
    }
}
