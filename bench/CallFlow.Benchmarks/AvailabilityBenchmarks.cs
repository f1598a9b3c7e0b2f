using BenchmarkDotNet.Attributes;
using CallFlow.Domain.Calendar;

namespace CallFlow.Benchmarks;

/// <summary>
/// The availability calculator on a busy two-chair salon with 5,000 appointments and a few holds
/// (<see cref="BenchmarkFixtures.Calendar"/>). Target: the 90-day search ≤ 5 ms. The app builds a calculator per
/// request, so the 90-day search is measured with the build and without it; the other searches use a built one.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private BusyCalendar _calendar = default!;
    private AvailabilityCalculator _availability = default!;
    private DateTimeOffset _freeStart;
    private (DateOnly Date, TimeOnly Time) _taken;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BenchmarkFixtures.Calendar();
        _availability = _calendar.Calculator();
        _freeStart = BenchmarkFixtures.FreeStart(_calendar);
        _taken = BenchmarkFixtures.TakenRequest(_calendar);
    }

    [Benchmark(Description = "build calculator (5,000 appointments, 8 holds)")]
    public AvailabilityCalculator Build() => _calendar.Calculator();

    [Benchmark(Description = "90-day free slots, build + search")]
    public int BuildAndSearch90Days() =>
        _calendar.Calculator().FreeSlots(BenchmarkFixtures.Haircut, BenchmarkFixtures.Today, BenchmarkFixtures.LastSearchedDate).Count;

    [Benchmark(Description = "90-day free slots, search")]
    public int Search90Days() =>
        _availability.FreeSlots(BenchmarkFixtures.Haircut, BenchmarkFixtures.Today, BenchmarkFixtures.LastSearchedDate).Count;

    [Benchmark(Description = "90-day free slots, search (2 h color)")]
    public int Search90DaysColor() =>
        _availability.FreeSlots(BenchmarkFixtures.Color, BenchmarkFixtures.Today, BenchmarkFixtures.LastSearchedDate).Count;

    [Benchmark(Description = "one day's free slots")]
    public int SearchOneDay() => _availability.FreeSlots(BenchmarkFixtures.Haircut, BenchmarkFixtures.OneDay).Count;

    [Benchmark(Description = "check one start (booking re-check)")]
    public SlotVerdict CheckOneStart() => _availability.Check(BenchmarkFixtures.Haircut, _freeStart).Verdict;

    [Benchmark(Description = "3 alternatives around a taken time")]
    public int Alternatives() => _availability.Alternatives(BenchmarkFixtures.Haircut, _taken.Date, _taken.Time).Count;
}
