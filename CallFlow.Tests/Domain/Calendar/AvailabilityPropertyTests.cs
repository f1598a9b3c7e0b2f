using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

/// <summary>
/// Invariants checked on random calendars (fixed seeds, so a failure replays): whatever the rules and bookings,
/// an offered slot fits within capacity and inside opening hours, the explainer agrees with the slot list, and the
/// database claims accept exactly what the calculator offers.
/// </summary>
public class AvailabilityPropertyTests
{
    /// <summary>Zones with the first days of the spans searched in them: an ordinary week and the weeks their clocks change.</summary>
    private static readonly (string Zone, DateOnly[] SpanStarts)[] Zones =
    [
        (NewYork, [D("2026-06-08"), D("2026-03-06"), D("2026-10-30")]),
        (London, [D("2026-06-08"), D("2026-03-27"), D("2026-10-23")]),
        ("Australia/Lord_Howe", [D("2026-06-08"), D("2026-04-03"), D("2026-10-02")]), // clocks move by 30 minutes
        ("Asia/Kathmandu", [D("2026-06-08")]), // UTC+05:45
        ("Asia/Tokyo", [D("2026-06-08")]),
    ];

    private const int SpanDays = 4;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 20)];

    private sealed record World(CalendarRules Rules, ServiceOffering[] Services, DateOnly From, DateTimeOffset Now, List<BookedAppointment> Bookings, List<SlotHold> Holds);

    private static World RandomWorld(int seed, bool withBookings)
    {
        var random = new Random(seed);
        int Step(int max) => random.Next(0, max / 5 + 1) * 5;
        var weekly = Enum.GetValues<DayOfWeek>().SelectMany(day =>
        {
            // Two intervals with a break; the first may start at night so clock changes fall inside opening hours.
            var opens = Step(10 * 60);
            var breakAt = opens + 60 + Step(4 * 60);
            var reopens = breakAt + Step(90);
            var closes = Math.Min(reopens + 60 + Step(8 * 60), 24 * 60);
            return new[] { Interval(day, opens, breakAt), Interval(day, reopens, closes) }.Where(i => i.Hours.EndMinute > i.Hours.StartMinute);
        });
        var (zone, spanStarts) = Zones[random.Next(Zones.Length)];
        var from = spanStarts[random.Next(spanStarts.Length)];
        var rules = new CalendarRules
        {
            TimeZoneId = zone,
            WeeklyHours = [.. weekly],
            Capacity = random.Next(1, 4),
            SlotMinutes = new[] { 5, 10, 15, 30 }[random.Next(4)],
            MinimumNoticeMinutes = Step(180),
            HorizonDays = random.Next(2, 30),
            DailyLimit = random.Next(3) == 0 ? random.Next(5, 15) : null,
        };
        var services = Enumerable.Range(0, 3)
            .Select(i => new ServiceOffering($"s{i}", $"Service {i}", [], 15 + Step(105), Step(15), Step(15)))
            .ToArray();
        var now = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(Step(2 * 24 * 60) - 24 * 60);
        DateTimeOffset AnyTime() => new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(Step(SpanDays * 24 * 60));
        var bookings = withBookings
            ? Enumerable.Range(0, 25).Select(_ => BookedAppointment.For(services[random.Next(3)], AnyTime())).ToList()
            : [];
        var holds = withBookings
            ? Enumerable.Range(0, 6).Select(i =>
            {
                var held = BookedAppointment.For(services[random.Next(3)], AnyTime());
                return new SlotHold(i % 3 == 0 ? "CA-me" : $"CA-{i}", held.Start, held.End, now.AddMinutes(random.Next(-10, 10)), held.BufferBeforeMinutes, held.BufferAfterMinutes);
            }).ToList()
            : [];
        return new World(rules, services, from, now, bookings, holds);
    }

    private static OpeningInterval Interval(DayOfWeek day, int from, int until) =>
        new(day, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(from)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(until % (24 * 60))));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Offered_slots_never_overfill_capacity_and_lie_inside_opening_hours(int seed)
    {
        var world = RandomWorld(seed, withBookings: true);
        var availability = new AvailabilityCalculator(world.Rules, world.Bookings, world.Holds, world.Now, forCallId: "CA-me");
        var blocking = world.Bookings.Concat(world.Holds.Where(h => h.IsActiveAt(world.Now) && h.CallId != "CA-me").Select(h => h.ToAppointment())).ToList();

        foreach (var service in world.Services)
        {
            foreach (var slot in availability.FreeSlots(service, world.From, world.From.AddDays(SpanDays)))
            {
                var hours = world.Rules.HoursOn(slot.LocalDate).Intervals;
                hours.ShouldContain(i => i.Contains(slot.LocalTime) && WallClockEnd(slot) <= i.EndMinute);
                slot.StartUtc.ShouldBeGreaterThanOrEqualTo(world.Now.AddMinutes(world.Rules.MinimumNoticeMinutes));
                slot.LocalDate.ShouldBeLessThanOrEqualTo(availability.LastBookableDate);

                // Every time here is on a 5-minute mark, so checking each 5-minute step checks every moment.
                var candidate = BookedAppointment.For(service, slot.StartUtc);
                for (var minute = candidate.OccupiedFrom; minute < candidate.OccupiedUntil; minute = minute.AddMinutes(5))
                {
                    var moment = minute;
                    (blocking.Count(b => b.OccupiedFrom <= moment && moment < b.OccupiedUntil) + 1).ShouldBeLessThanOrEqualTo(world.Rules.Capacity);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_explainer_offers_exactly_the_listed_slots(int seed)
    {
        var world = RandomWorld(seed, withBookings: true);
        var availability = new AvailabilityCalculator(world.Rules, world.Bookings, world.Holds, world.Now, forCallId: "CA-me");
        var service = world.Services[0];

        for (var date = world.From; date <= world.From.AddDays(SpanDays); date = date.AddDays(1))
        {
            var listed = availability.FreeSlots(service, date).Select(s => s.LocalTime).ToHashSet();
            for (var minute = 0; minute < 24 * 60; minute += 5)
            {
                var time = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute));
                var explanation = availability.Explain(service, date, time);
                explanation.IsOffered.ShouldBe(listed.Contains(time), $"{date} {time}: {explanation.Message}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Booking_offered_slots_until_none_remain_never_overbooks_and_the_claims_agree(int seed)
    {
        var world = RandomWorld(seed, withBookings: false);
        var random = new Random(seed);
        var database = new CapacityClaimsTests.UniqueIndex();
        var booked = new List<BookedAppointment>();

        for (var round = 0; round < 400; round++)
        {
            var availability = new AvailabilityCalculator(world.Rules, booked, [], world.Now);
            var service = world.Services[random.Next(world.Services.Length)];
            var slots = availability.FreeSlots(service, world.From, world.From.AddDays(SpanDays));

            // Times the calculator refuses for lack of room must be refused by the claims too.
            foreach (var refused in slots.Count == 0 ? [] : Enumerable.Range(0, 20).Select(i => slots[0].StartUtc.AddMinutes(5 * random.Next(-60, 60))))
            {
                var check = availability.Check(service, refused);
                if (check.Verdict is SlotVerdict.Taken or SlotVerdict.Buffer or SlotVerdict.DailyLimitReached)
                {
                    CapacityClaims.Assign(CapacityClaims.Needed(world.Rules, BookedAppointment.For(service, refused)), database.Rows).ShouldBeNull(check.Message);
                }
            }

            if (slots.Count == 0)
            {
                break;
            }

            var slot = slots[random.Next(slots.Count)];
            var appointment = BookedAppointment.For(service, slot.StartUtc);
            availability.Check(service, slot.StartUtc).IsOffered.ShouldBeTrue();
            var claims = CapacityClaims.Assign(CapacityClaims.Needed(world.Rules, appointment), database.Rows).ShouldNotBeNull();
            database.TryInsert(claims).ShouldBeTrue();
            booked.Add(appointment);
        }

        booked.ShouldNotBeEmpty();
        foreach (var appointment in booked)
        {
            var start = appointment.OccupiedFrom;
            booked.Count(b => b.OccupiedFrom <= start && start < b.OccupiedUntil).ShouldBeLessThanOrEqualTo(world.Rules.Capacity);
        }
    }

    /// <summary>The slot's end on its start day's wall clock, in minutes (24:00 and beyond when it ends the next day).</summary>
    private static int WallClockEnd(AvailableSlot slot) =>
        (int)(slot.LocalEnd.DateTime - slot.LocalDate.ToDateTime(TimeOnly.MinValue)).TotalMinutes;
}
