using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Calls;

public class CallPersistenceTests
{
    [Fact]
    public async Task A_call_survives_a_restart_of_the_host_with_its_state_and_history()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("restart.db");
        string callId;

        await using (var before = new CallFlowApp(database))
        {
            var call = await before.StartAsync(from: "+13105550123");
            callId = call.Id;
            await before.IdentifyIntentAsync(call, Intent.Book);
            await before.FireAsync(call, CallTrigger.CollectInfo);
            await before.Orchestrator.ExecuteAsync(call.CallSid, Actor.Caller(call.From), session =>
            {
                session.Call.Context.CollectedData["service"] = "Haircut";
                return Task.FromResult(0);
            }, TestContext.Current.CancellationToken);
        }

        await using var after = new CallFlowApp(database);
        var detail = await after.Service<CallQueries>().DetailAsync([DemoBusiness.Id], callId, TestContext.Current.CancellationToken);

        detail.ShouldNotBeNull();
        detail.Call.State.ShouldBe(CallState.CollectingInfo);
        detail.Call.From.ShouldBe("+13105550123");
        detail.Call.Context.CollectedData["service"].ShouldBe("Haircut");
        detail.Transitions.Select(t => t.To).ShouldBe([CallState.Incoming, CallState.Connected, CallState.BookingAppointment, CallState.CollectingInfo]);

        // The restarted app can keep driving the same call.
        var resumed = await after.Orchestrator.FireAsync(detail.Call.CallSid, CallTrigger.InfoCollected, Actor.Carrier, null, TestContext.Current.CancellationToken);
        resumed!.To.ShouldBe(CallState.ConfirmingDetails);
    }

    [Fact]
    public async Task The_database_is_created_with_migrations_and_seeded_once()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("seed.db");

        await using (var first = new CallFlowApp(database))
        {
            await using var db = first.Db();
            (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        }

        await using var second = new CallFlowApp(database);
        await using var again = second.Db();
        var business = await again.Businesses.Include(b => b.Services).SingleAsync(TestContext.Current.CancellationToken);
        business.Id.ShouldBe(DemoBusiness.Id);
        business.TimeZoneId.ShouldBe("America/New_York");
        business.PhoneNumber.ShouldBe("+15005550006");
        business.Services.Select(s => (s.Name, s.DurationMinutes)).OrderBy(s => s.Name).ShouldBe(
            [("Color", 120), ("Consultation", 30), ("Haircut", 45), ("Styling", 60)]);
        business.OpeningHours.Select(h => h.Day).ShouldBe(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]);
        business.OpeningHours.ShouldAllBe(h => h.Opens == new TimeOnly(9, 0) && h.Closes == new TimeOnly(18, 0));
    }
}
