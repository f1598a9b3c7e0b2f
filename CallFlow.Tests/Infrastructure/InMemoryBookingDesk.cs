using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Businesses;

namespace CallFlow.Tests.Infrastructure;

/// <summary>An appointment in the in-memory calendar.</summary>
public sealed record DeskAppointment(
    string Id,
    string BusinessId,
    ServiceOffering Service,
    DateTimeOffset StartUtc,
    string CustomerName,
    string CustomerPhone,
    string CallId,
    string? ResourceId)
{
    public bool Cancelled { get; set; }

    public DateTimeOffset Start { get; set; } = StartUtc;

    public BookedAppointment ToBooked() => BookedAppointment.For(Service, Start, ResourceId);
}

/// <summary>
/// The booking port over the Domain's <see cref="AvailabilityCalculator"/> and lists in memory: what the conversation
/// tests book against when the app has no database-backed desk. It follows the port's contract (holds owned by the
/// call, idempotent booking, the nearest alternatives when a slot is taken) so the same tests pass against the real
/// desk. <see cref="CalendarDown"/> makes every call report the calendar as unreachable. Businesses are added up front
/// or looked up on first use with <paramref name="findBusiness"/> (the app's database).
/// </summary>
public sealed class InMemoryBookingDesk(TimeProvider clock, Func<string, Business?>? findBusiness = null) : IBookingDesk
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CalendarRules> _rules = new(StringComparer.Ordinal);
    private readonly List<DeskAppointment> _appointments = [];
    private readonly List<(string BusinessId, SlotHold Hold)> _holds = [];
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>Every operation answers "calendar unavailable" while this is set.</summary>
    public bool CalendarDown { get; set; }

    public IReadOnlyList<DeskAppointment> Appointments
    {
        get
        {
            lock (_gate)
            {
                return [.. _appointments];
            }
        }
    }

    /// <summary>Holds currently kept, by call id.</summary>
    public IReadOnlyList<SlotHold> Holds
    {
        get
        {
            lock (_gate)
            {
                return [.. _holds.Select(h => h.Hold).Where(h => h.IsActiveAt(clock.GetUtcNow()))];
            }
        }
    }

    /// <summary>A desk that knows the demo salon with the calendar rules it is seeded with.</summary>
    public static InMemoryBookingDesk ForDemo(TimeProvider clock)
    {
        var desk = new InMemoryBookingDesk(clock);
        desk.Add(DemoBusiness.Create(new DemoOptions(), clock.GetUtcNow()));
        return desk;
    }

    public InMemoryBookingDesk Add(Business business) => Add(business.Id, RulesOf(business));

    public static CalendarRules RulesOf(Business business) => new()
    {
        TimeZoneId = business.TimeZoneId,
        WeeklyHours = [.. business.OpeningHours],
        Capacity = business.Capacity,
        SlotMinutes = business.SlotMinutes,
        MinimumNoticeMinutes = business.MinimumNoticeMinutes,
        HorizonDays = business.HorizonDays,
        DailyLimit = business.DailyLimit,
    };

    public InMemoryBookingDesk Add(string businessId, CalendarRules rules)
    {
        lock (_gate)
        {
            _rules[businessId] = rules;
        }

        return this;
    }

    public Task<SlotOffer> OfferAsync(SlotRequest request, CancellationToken cancellationToken) => Locked<SlotOffer>(() =>
    {
        if (CalendarDown)
        {
            return new SlotOffer.CalendarUnavailable("the in-memory calendar is down");
        }

        var calendar = Calculator(request.BusinessId, request.CallId);
        if (request is { Date: { } date, Time: { } time })
        {
            var why = calendar.Explain(request.Service, date, time);
            if (why is { IsOffered: true, Slot: { } slot })
            {
                _holds.RemoveAll(h => h.Hold.CallId == request.CallId);
                var hold = SlotHold.For(request.CallId, request.Service, slot, clock.GetUtcNow());
                _holds.Add((request.BusinessId, hold));
                return new SlotOffer.Held(slot, hold.ExpiresAt);
            }

            return new SlotOffer.Choices(calendar.Alternatives(request.Service, date, time, request.ChoiceCount), why);
        }

        var around = request.Within?.Start ?? TimeOnly.MinValue;
        return new SlotOffer.Choices(calendar.Alternatives(request.Service, request.Date ?? calendar.Today, around, request.ChoiceCount, request.Within), null);
    });

    public Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken cancellationToken) => Locked<BookingOutcome>(() =>
    {
        if (CalendarDown)
        {
            return new BookingOutcome.CalendarUnavailable("the in-memory calendar is down");
        }

        var calendar = Calculator(request.BusinessId, request.CallId);
        if (_keys.TryGetValue(request.IdempotencyKey, out var done))
        {
            var booked = _appointments.First(a => a.Id == done);
            return new BookingOutcome.Booked(booked.Id, SlotOf(calendar, booked), AlreadyBooked: true);
        }

        if (string.IsNullOrWhiteSpace(request.CustomerName) || !request.CustomerPhone.StartsWith('+'))
        {
            return new BookingOutcome.Rejected("A booking needs the customer's name and an E.164 phone number.");
        }

        var check = calendar.Check(request.Service, request.StartUtc, request.ResourceId);
        if (!check.IsOffered)
        {
            return Taken(calendar, request.Service, request.StartUtc, check);
        }

        var appointment = new DeskAppointment(Guid.NewGuid().ToString("N"), request.BusinessId, request.Service, request.StartUtc,
            request.CustomerName, request.CustomerPhone, request.CallId, request.ResourceId ?? check.Slot!.FreeResourceIds.FirstOrDefault());
        _appointments.Add(appointment);
        _keys[request.IdempotencyKey] = appointment.Id;
        _holds.RemoveAll(h => h.Hold.CallId == request.CallId);
        return new BookingOutcome.Booked(appointment.Id, check.Slot!, AlreadyBooked: false);
    });

    /// <summary>How many times the conversation asked for its holds to be extended.</summary>
    public int ExtensionRequests { get; private set; }

    public Task<DateTimeOffset?> ExtendHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) => Locked(() =>
    {
        ExtensionRequests++;
        var now = clock.GetUtcNow();
        DateTimeOffset? extended = null;
        for (var i = 0; i < _holds.Count; i++)
        {
            var hold = _holds[i].Hold;
            if (hold.CallId == callId && hold.IsActiveAt(now) && hold.ExpiresAt < now + SlotHold.DefaultLifetime / 2)
            {
                extended = now + SlotHold.DefaultLifetime;
                _holds[i] = (_holds[i].BusinessId, hold with { ExpiresAt = extended.Value });
            }
        }

        return extended;
    });

    /// <summary>How many times the conversation let go of its holds on their own (not by holding another time).</summary>
    public int ReleaseRequests { get; private set; }

    public Task ReleaseHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) => Locked(() =>
    {
        ReleaseRequests++;
        return _holds.RemoveAll(h => h.Hold.CallId == callId);
    });

    public Task<UpcomingAppointment?> FindUpcomingAsync(string businessId, string phoneNumber, CancellationToken cancellationToken) => Locked(() =>
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(RulesFor(businessId).TimeZoneId);
        var next = _appointments
            .Where(a => a.BusinessId == businessId && !a.Cancelled && a.CustomerPhone == phoneNumber && a.Start > clock.GetUtcNow())
            .MinBy(a => a.Start);
        return next is null ? null : new UpcomingAppointment(next.Id, next.Service.Id, next.Service.Name, next.Start, TimeZoneInfo.ConvertTime(next.Start, zone), next.CustomerName);
    });

    public Task<BookingOutcome> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken) => Locked<BookingOutcome>(() =>
    {
        if (CalendarDown)
        {
            return new BookingOutcome.CalendarUnavailable("the in-memory calendar is down");
        }

        if (_appointments.FirstOrDefault(a => a.Id == request.AppointmentId && a.BusinessId == request.BusinessId && !a.Cancelled) is not { } appointment)
        {
            return new BookingOutcome.Rejected("There is no such appointment.");
        }

        var calendar = Calculator(request.BusinessId, request.CallId, except: appointment.Id);
        var check = calendar.Check(appointment.Service, request.NewStartUtc);
        if (!check.IsOffered)
        {
            return Taken(calendar, appointment.Service, request.NewStartUtc, check);
        }

        appointment.Start = request.NewStartUtc;
        _holds.RemoveAll(h => h.Hold.CallId == request.CallId);
        return new BookingOutcome.Booked(appointment.Id, check.Slot!, AlreadyBooked: false);
    });

    public Task<bool> CancelAsync(string businessId, string appointmentId, string reason, CancellationToken cancellationToken) => Locked(() =>
    {
        var appointment = _appointments.FirstOrDefault(a => a.Id == appointmentId && a.BusinessId == businessId && !a.Cancelled);
        if (appointment is not null)
        {
            appointment.Cancelled = true;
        }

        return appointment is not null;
    });

    private CalendarRules RulesFor(string businessId)
    {
        if (!_rules.TryGetValue(businessId, out var rules))
        {
            var business = findBusiness?.Invoke(businessId) ?? throw new InvalidOperationException($"The in-memory desk does not know business {businessId}.");
            _rules[businessId] = rules = RulesOf(business);
        }

        return rules;
    }

    private AvailabilityCalculator Calculator(string businessId, string callId, string? except = null) => new(
        RulesFor(businessId),
        _appointments.Where(a => a.BusinessId == businessId && !a.Cancelled && a.Id != except).Select(a => a.ToBooked()),
        _holds.Where(h => h.BusinessId == businessId).Select(h => h.Hold),
        clock.GetUtcNow(),
        callId);

    private static BookingOutcome.SlotTaken Taken(AvailabilityCalculator calendar, ServiceOffering service, DateTimeOffset start, SlotExplanation why)
    {
        var (date, time) = Local(calendar, start);
        return new BookingOutcome.SlotTaken(why, calendar.Alternatives(service, date, time));
    }

    private static (DateOnly Date, TimeOnly Time) Local(AvailabilityCalculator calendar, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private static AvailableSlot SlotOf(AvailabilityCalculator calendar, DeskAppointment booked)
    {
        var end = booked.Start.AddMinutes(booked.Service.DurationMinutes);
        return new AvailableSlot(booked.Start, end, TimeZoneInfo.ConvertTime(booked.Start, calendar.TimeZone), TimeZoneInfo.ConvertTime(end, calendar.TimeZone), []);
    }

    private Task<T> Locked<T>(Func<T> work)
    {
        lock (_gate)
        {
            return Task.FromResult(work());
        }
    }
}
