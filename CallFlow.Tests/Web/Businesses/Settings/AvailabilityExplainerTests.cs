using CallFlow.Domain.Calendar;
using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Businesses.Settings;

/// <summary>"Why isn't 10:00 offered?" through the settings service, at Monday 2 March 2026, 08:00 in New York.</summary>
public sealed class AvailabilityExplainerTests : IAsyncDisposable
{
    private readonly CalendarApp _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_taken_time_is_explained_with_the_rule_and_the_nearest_free_times()
    {
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada Lovelace");
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Grace Hopper", "+12125550101");
        var haircut = await _app.ServiceAsync();

        var (advice, problem) = await _app.AsAsync(_app.DemoOwner(), s => s.ExplainAsync(DemoBusiness.Id, haircut.Id, CalendarApp.Tuesday, new TimeOnly(10, 0), Token));

        problem.ShouldBeNull();
        advice!.Why.Verdict.ShouldBe(SlotVerdict.Taken);
        advice.Why.Message.ShouldContain("Every seat is booked at 10:00");
        advice.Alternatives.ShouldNotBeEmpty();
        advice.Alternatives.ShouldAllBe(slot => slot.LocalDate == CalendarApp.Tuesday);
    }

    [Fact]
    public async Task A_calendar_that_cannot_be_read_gets_a_friendly_message()
    {
        var haircut = await _app.ServiceAsync();
        await using (var db = _app.Db())
        {
            // Rules no save would let through (slots every 7 minutes) make the calendar refuse to read.
            await db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.SlotMinutes, 7), Token);
        }

        var (advice, problem) = await _app.AsAsync(_app.DemoOwner(), s => s.ExplainAsync(DemoBusiness.Id, haircut.Id, CalendarApp.Tuesday, new TimeOnly(10, 0), Token));

        advice.ShouldBeNull();
        problem.ShouldBe("The calendar cannot be read right now, so this time cannot be explained. Try again in a moment.");
    }
}
