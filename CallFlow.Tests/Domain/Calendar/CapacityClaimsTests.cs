using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

public class CapacityClaimsTests
{
    [Fact]
    public void An_appointment_claims_every_five_minute_unit_of_its_time_and_buffers()
    {
        var haircut = Booking(Haircut, Tuesday, "10:00");

        var needed = CapacityClaims.Needed(Rules() with { Capacity = 2 }, haircut);

        needed.Count.ShouldBe(10); // 10:00–10:45 and 5 minutes of clean-up
        needed.ShouldAllBe(unit => unit.Pool == CapacityClaims.BusinessPool && unit.Seats == 2);
        CapacityClaims.UnitStart(needed[0].Unit).ShouldBe(haircut.Start);
        CapacityClaims.UnitStart(needed[^1].Unit + 1).ShouldBe(haircut.End.AddMinutes(5));
        needed.Select(unit => unit.Unit).ShouldBe(Enumerable.Range(0, 10).Select(i => needed[0].Unit + i));
    }

    [Fact]
    public void Units_are_cut_on_the_utc_timeline_so_an_odd_start_claims_the_units_it_touches()
    {
        var appointment = new BookedAppointment(Instant("2026-06-09T10:02:00-04:00"), Instant("2026-06-09T10:08:00-04:00"));

        var needed = CapacityClaims.Needed(Rules(), appointment);

        needed.Select(unit => CapacityClaims.UnitStart(unit.Unit)).ShouldBe(
            [Instant("2026-06-09T14:00:00Z"), Instant("2026-06-09T14:05:00Z")]);
        CapacityClaims.UnitAt(Instant("1970-01-01T00:00:00Z")).ShouldBe(0);
        CapacityClaims.UnitAt(Instant("1969-12-31T23:59:00Z")).ShouldBe(-1);
    }

    [Fact]
    public void A_resource_and_a_daily_limit_add_their_own_pools()
    {
        var rules = Rules() with { DailyLimit = 8, Resources = [new("anna", "Anna"), new("ben", "Ben", Capacity: 2)] };
        // 21:00 in New York is already the next day in UTC: the day claim follows the local date.
        var late = BookedAppointment.For(Haircut, Instant("2026-06-09T21:00:00-04:00"), "ben");

        var needed = CapacityClaims.Needed(rules, late);

        needed.Count(unit => unit.Pool == CapacityClaims.BusinessPool).ShouldBe(10);
        needed.Where(unit => unit.Pool == CapacityClaims.ResourcePool("ben")).ShouldAllBe(unit => unit.Seats == 2);
        needed.Count(unit => unit.Pool == CapacityClaims.ResourcePool("ben")).ShouldBe(10);
        needed.Single(unit => unit.Pool == CapacityClaims.DayPool).ShouldBe(new ClaimUnit(CapacityClaims.DayPool, Tuesday.DayNumber, 8));
    }

    [Fact]
    public void Each_unit_gets_the_lowest_seat_still_free()
    {
        var needed = CapacityClaims.Needed(Rules() with { Capacity = 3 }, Booking(Haircut, Tuesday, "10:00"));
        var existing = new[] { new CapacityClaim(CapacityClaims.BusinessPool, needed[0].Unit, 0), new CapacityClaim(CapacityClaims.BusinessPool, needed[0].Unit, 1) };

        var claims = CapacityClaims.Assign(needed, existing).ShouldNotBeNull();

        claims[0].Seat.ShouldBe(2);
        claims.Skip(1).ShouldAllBe(claim => claim.Seat == 0);
    }

    [Fact]
    public void A_unit_with_every_seat_claimed_refuses_the_appointment()
    {
        var needed = CapacityClaims.Needed(Rules() with { Capacity = 2 }, Booking(Haircut, Tuesday, "10:00"));
        var existing = new[] { new CapacityClaim(CapacityClaims.BusinessPool, needed[^1].Unit, 0), new CapacityClaim(CapacityClaims.BusinessPool, needed[^1].Unit, 1) };

        CapacityClaims.Assign(needed, existing).ShouldBeNull();
    }

    [Fact]
    public void Two_commits_racing_for_the_last_seat_write_the_same_keys_so_the_unique_index_admits_one()
    {
        var rules = Rules() with { Capacity = 2 };
        var database = new UniqueIndex();
        database.TryInsert(CapacityClaims.Assign(CapacityClaims.Needed(rules, Booking(Haircut, Tuesday, "10:00")), []).ShouldNotBeNull()).ShouldBeTrue();

        // Both read the same committed claims before either writes.
        var snapshot = database.Rows.ToList();
        var first = CapacityClaims.Assign(CapacityClaims.Needed(rules, Booking(Haircut, Tuesday, "10:15")), snapshot).ShouldNotBeNull();
        var second = CapacityClaims.Assign(CapacityClaims.Needed(rules, Booking(Haircut, Tuesday, "10:30")), snapshot).ShouldNotBeNull();

        database.TryInsert(first).ShouldBeTrue();
        database.TryInsert(second).ShouldBeFalse();
    }

    /// <summary>The claims table's unique index on (Pool, Unit, Seat), inserting all of one transaction or nothing.</summary>
    internal sealed class UniqueIndex
    {
        private readonly HashSet<CapacityClaim> _rows = [];

        public IEnumerable<CapacityClaim> Rows => _rows;

        public bool TryInsert(IReadOnlyList<CapacityClaim> claims)
        {
            if (claims.Any(_rows.Contains) || claims.Distinct().Count() != claims.Count)
            {
                return false;
            }

            _rows.UnionWith(claims);
            return true;
        }
    }
}
