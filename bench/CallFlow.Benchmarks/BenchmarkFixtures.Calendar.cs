using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;

namespace CallFlow.Benchmarks;

/// <summary>A salon's calendar at one moment: what the availability benchmarks search.</summary>
public sealed record BusyCalendar(CalendarRules Rules, IReadOnlyList<BookedAppointment> Appointments, IReadOnlyList<SlotHold> Holds, DateTimeOffset Now)
{
    /// <summary>What the app builds per request: a calculator over these appointments and holds.</summary>
    public AvailabilityCalculator Calculator() => new(Rules, Appointments, Holds, Now);
}

public static partial class BenchmarkFixtures
{
    public const int AppointmentCount = 5_000;

    /// <summary>Days searched from today on (today included); also the booking horizon, so every one is bookable.</summary>
    public const int SearchDays = 90;

    public const int ActiveHolds = 6;

    public const int ExpiredHolds = 2;

    /// <summary>The last date of the 90-day search.</summary>
    public static DateOnly LastSearchedDate => Today.AddDays(SearchDays - 1);

    /// <summary>The date of the single-day benchmarks: Wednesday a week ahead.</summary>
    public static DateOnly OneDay => Today.AddDays(7);

    /// <summary>
    /// The salon with <see cref="AppointmentCount"/> appointments. Two chairs cannot hold 5,000 appointments in 90
    /// days without double booking (its 90 days have about 1,200 chair-hours), so the 90 days ahead are booked as a busy
    /// salon's are, about two thirds of each chair's time, and the rest is the salon's history before today, as an
    /// unfiltered appointments table would give them; the calculator must skip those. Each chair's appointments follow
    /// one another with their clean-up time, so no 5-minute unit ever holds more than two. A few callers hold slots in
    /// the next days (and two holds have lapsed). Deterministic: the same seed gives the same calendar.
    /// </summary>
    public static BusyCalendar Calendar(int seed = 2026)
    {
        var rules = Rules();
        var random = new Random(seed);
        var appointments = new List<BookedAppointment>(AppointmentCount);
        var holds = new List<SlotHold>();

        var soon = 0;
        void Place(ServiceOffering service, DateTimeOffset start, int chair)
        {
            // Every third appointment of the first chair in the next days is a caller's hold instead.
            var held = chair == 0 && start > Now.AddHours(2) && holds.Count < ActiveHolds + ExpiredHolds && ++soon % 3 == 0;
            if (held)
            {
                var expires = holds.Count < ExpiredHolds ? Now.AddMinutes(-1) : Now.AddMinutes(4);
                holds.Add(new SlotHold($"CA-hold-{holds.Count}", start, start.AddMinutes(service.DurationMinutes), expires,
                    service.BufferBeforeMinutes, service.BufferAfterMinutes));
            }
            else if (appointments.Count < AppointmentCount)
            {
                appointments.Add(BookedAppointment.For(service, start));
            }
        }

        for (var date = Today; date <= LastSearchedDate; date = date.AddDays(1))
        {
            FillDay(rules, date, random, gapChance: 0.3, Place);
        }

        for (var date = Today.AddDays(-1); appointments.Count < AppointmentCount; date = date.AddDays(-1))
        {
            FillDay(rules, date, random, gapChance: 0.15, Place);
        }

        return new BusyCalendar(rules, appointments, holds, Now);
    }

    /// <summary>The first afternoon time, two weeks or more ahead, at which both chairs are taken: where the alternatives search starts.</summary>
    public static (DateOnly Date, TimeOnly Time) TakenRequest(BusyCalendar calendar)
    {
        var availability = calendar.Calculator();
        for (var date = Today.AddDays(14); date <= LastSearchedDate; date = date.AddDays(1))
        {
            for (var time = new TimeOnly(13, 0); time < new TimeOnly(17, 0); time = time.AddMinutes(15))
            {
                if (availability.Check(Haircut, At(date, time)).Verdict == SlotVerdict.Taken)
                {
                    return (date, time);
                }
            }
        }

        throw new InvalidOperationException("The calendar has no taken afternoon slot two weeks ahead.");
    }

    /// <summary>A start the calculator offers for a haircut on <see cref="OneDay"/> (the middle one): what a booking's re-check asks.</summary>
    public static DateTimeOffset FreeStart(BusyCalendar calendar)
    {
        var slots = calendar.Calculator().FreeSlots(Haircut, OneDay);
        return slots.Count > 0 ? slots[slots.Count / 2].StartUtc : throw new InvalidOperationException($"No free haircut on {OneDay}.");
    }

    /// <summary>Fills each chair's opening hours on one date with appointments back to back, with random gaps.</summary>
    private static void FillDay(CalendarRules rules, DateOnly date, Random random, double gapChance, Action<ServiceOffering, DateTimeOffset, int> place)
    {
        var day = rules.HoursOn(date);
        for (var chair = 0; chair < rules.Capacity; chair++)
        {
            foreach (var hours in day.Intervals)
            {
                var cursor = hours.Start;
                while (cursor < hours.End)
                {
                    if (random.NextDouble() < gapChance)
                    {
                        cursor = cursor.AddMinutes(rules.SlotMinutes * random.Next(1, 4));
                        continue;
                    }

                    var service = Pick(random);
                    if (cursor.AddMinutes(service.DurationMinutes) > hours.End)
                    {
                        break;
                    }

                    place(service, At(date, cursor), chair);
                    var occupied = service.DurationMinutes + service.BufferAfterMinutes;
                    cursor = cursor.AddMinutes((occupied + rules.SlotMinutes - 1) / rules.SlotMinutes * rules.SlotMinutes);
                }
            }
        }
    }

    /// <summary>Four haircuts, two colors, two stylings and two consultations in ten.</summary>
    private static ServiceOffering Pick(Random random) => random.Next(10) switch
    {
        < 4 => Haircut,
        < 6 => Color,
        < 8 => Styling,
        _ => Consultation,
    };
}
