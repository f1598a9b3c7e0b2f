using CallFlow.Benchmarks;
using CallFlow.Domain.Calendar;

namespace CallFlow.Tests.Benchmarks;

/// <summary>The availability benchmark searches what it says: 5,000 appointments, a busy but bookable 90 days, two chairs never overbooked.</summary>
public class AvailabilityFixtureTests
{
    private static readonly BusyCalendar Calendar = BenchmarkFixtures.Calendar();

    private static DateTimeOffset SearchStart => BenchmarkFixtures.At(BenchmarkFixtures.Today, TimeOnly.MinValue);

    private static DateTimeOffset SearchEnd => BenchmarkFixtures.At(BenchmarkFixtures.LastSearchedDate.AddDays(1), TimeOnly.MinValue);

    [Fact]
    public void The_calendar_has_5000_appointments_and_a_few_holds_on_a_two_chair_salon_with_a_lunch_break()
    {
        Calendar.Appointments.Count.ShouldBe(5_000);
        Calendar.Holds.Count(h => h.IsActiveAt(Calendar.Now)).ShouldBe(BenchmarkFixtures.ActiveHolds);
        Calendar.Holds.Count(h => !h.IsActiveAt(Calendar.Now)).ShouldBe(BenchmarkFixtures.ExpiredHolds);
        Calendar.Rules.Capacity.ShouldBe(2);
        Calendar.Rules.Validate().ShouldBeEmpty();
        Calendar.Rules.HoursOn(BenchmarkFixtures.OneDay).Intervals.Count.ShouldBe(2);
        Calendar.Rules.HorizonDays.ShouldBeGreaterThanOrEqualTo(BenchmarkFixtures.SearchDays);
    }

    [Fact]
    public void The_same_seed_gives_the_same_calendar()
    {
        var again = BenchmarkFixtures.Calendar();

        again.Appointments.ShouldBe(Calendar.Appointments);
        again.Holds.ShouldBe(Calendar.Holds);
    }

    [Fact]
    public void The_90_days_searched_are_busy_and_the_rest_is_history()
    {
        var ahead = Calendar.Appointments.Where(a => a.Start >= SearchStart && a.Start < SearchEnd).ToList();
        var openChairMinutes = 0;
        for (var date = BenchmarkFixtures.Today; date <= BenchmarkFixtures.LastSearchedDate; date = date.AddDays(1))
        {
            openChairMinutes += Calendar.Rules.HoursOn(date).Intervals.Sum(i => (int)(i.End - i.Start).TotalMinutes) * Calendar.Rules.Capacity;
        }

        var bookedMinutes = ahead.Sum(a => (a.OccupiedUntil - a.OccupiedFrom).TotalMinutes);
        (bookedMinutes / openChairMinutes).ShouldBeInRange(0.55, 0.8, $"{ahead.Count} appointments in the 90 days");
        Calendar.Appointments.Where(a => a.Start >= SearchEnd).ShouldBeEmpty();
        Calendar.Appointments.Count(a => a.Start < SearchStart).ShouldBe(5_000 - ahead.Count);
    }

    [Fact]
    public void No_five_minute_unit_is_held_by_more_than_two()
    {
        var occupants = Calendar.Appointments.Concat(Calendar.Holds.Where(h => h.IsActiveAt(Calendar.Now)).Select(h => h.ToAppointment()));
        var units = new Dictionary<long, int>();
        foreach (var a in occupants)
        {
            for (var unit = CapacityClaims.UnitAt(a.OccupiedFrom); unit < CapacityClaims.UnitCeiling(a.OccupiedUntil); unit++)
            {
                units[unit] = units.GetValueOrDefault(unit) + 1;
            }
        }

        units.Values.Max().ShouldBe(2);
    }

    [Fact]
    public void The_90_day_search_finds_slots_on_open_days_but_far_fewer_than_on_an_empty_calendar()
    {
        var haircut = BenchmarkFixtures.Haircut;
        var empty = new AvailabilityCalculator(Calendar.Rules, [], [], Calendar.Now)
            .FreeSlots(haircut, BenchmarkFixtures.Today, BenchmarkFixtures.LastSearchedDate);

        var slots = Calendar.Calculator().FreeSlots(haircut, BenchmarkFixtures.Today, BenchmarkFixtures.LastSearchedDate);

        slots.Count.ShouldBeGreaterThan(0);
        slots.Count.ShouldBeLessThan(empty.Count / 2);
        slots.ShouldAllBe(s => s.LocalDate >= BenchmarkFixtures.Today && s.LocalDate <= BenchmarkFixtures.LastSearchedDate);
        slots.Select(s => s.LocalDate).Distinct().Count().ShouldBeGreaterThan(60, "most of the 77 open days have a free haircut");
        slots.ShouldNotContain(s => s.LocalDate.DayOfWeek == DayOfWeek.Sunday || s.LocalDate == new DateOnly(2026, 5, 25));
        slots[^1].LocalDate.ShouldBeGreaterThan(BenchmarkFixtures.LastSearchedDate.AddDays(-3));
    }

    [Fact]
    public void The_searches_of_the_benchmark_return_what_a_caller_would_hear()
    {
        var benchmark = new AvailabilityBenchmarks();
        benchmark.Setup();

        benchmark.Search90Days().ShouldBeGreaterThan(0);
        benchmark.BuildAndSearch90Days().ShouldBe(benchmark.Search90Days());
        benchmark.Search90DaysColor().ShouldBeInRange(1, benchmark.Search90Days() - 1);
        benchmark.SearchOneDay().ShouldBeGreaterThan(0);
        benchmark.CheckOneStart().ShouldBe(SlotVerdict.Offered);
        benchmark.Alternatives().ShouldBe(3);
        benchmark.Build().Now.ShouldBe(BenchmarkFixtures.Now);
    }

    [Fact]
    public void The_alternatives_start_from_a_time_both_chairs_are_busy()
    {
        var (date, time) = BenchmarkFixtures.TakenRequest(Calendar);
        var availability = Calendar.Calculator();

        availability.Check(BenchmarkFixtures.Haircut, BenchmarkFixtures.At(date, time)).Verdict.ShouldBe(SlotVerdict.Taken);
        var alternatives = availability.Alternatives(BenchmarkFixtures.Haircut, date, time);
        alternatives.Count.ShouldBe(3);
        alternatives.ShouldAllBe(s => s.LocalDate >= date && s.StartUtc != BenchmarkFixtures.At(date, time));
    }

    [Fact]
    public void The_one_day_search_is_on_a_busy_open_day()
    {
        var day = BenchmarkFixtures.OneDay;
        var empty = new AvailabilityCalculator(Calendar.Rules, [], [], Calendar.Now).FreeSlots(BenchmarkFixtures.Haircut, day);

        var slots = Calendar.Calculator().FreeSlots(BenchmarkFixtures.Haircut, day);

        slots.Count.ShouldBeInRange(1, empty.Count - 1);
        slots.ShouldContain(s => s.StartUtc == BenchmarkFixtures.FreeStart(Calendar));
    }
}
