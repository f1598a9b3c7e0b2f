using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>When the database cannot be reached, every desk answer says so instead of throwing, so the call can go on.</summary>
public sealed class CalendarUnavailableTests : IDisposable
{
    private static readonly ServiceOffering Haircut = new("demo-salon-haircut", "Haircut", [], 45);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Breakages => ["not a database file", "missing folder", "database without tables"];

    private BookingDesk DeskOver(string breakage)
    {
        var connectionString = breakage switch
        {
            "not a database file" => WriteGarbage(_folder.File("garbage.db")),
            "missing folder" => $"Data Source={_folder.File("missing/callflow.db")};Mode=ReadWrite",
            _ => $"Data Source={_folder.File("empty.db")};Mode=ReadWriteCreate",
        };
        var options = new DbContextOptionsBuilder<CallFlowDb>().UseSqlite(connectionString).Options;
        var factory = new Factory(options);
        var calendar = Options.Create(new CalendarOptions());
        var texts = new BookingTexts(new CallFlow.Web.Recovery.OutgoingTexts(TimeProvider.System, calendar), calendar);
        return new BookingDesk(factory, new BusinessCache(), texts, TimeProvider.System, calendar, NullLogger<BookingDesk>.Instance);
    }

    private static string WriteGarbage(string path)
    {
        File.WriteAllText(path, new string('x', 4096));
        return $"Data Source={path}";
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task Every_desk_operation_answers_calendar_unavailable(string breakage)
    {
        var desk = DeskOver(breakage);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));

        (await desk.OfferAsync(new SlotRequest(DemoBusiness.Id, "CA-1", Haircut, tomorrow, new TimeOnly(10, 0)), Token))
            .ShouldBeOfType<SlotOffer.CalendarUnavailable>().Reason.ShouldNotBeNullOrWhiteSpace();
        (await desk.BookAsync(new BookingRequest(DemoBusiness.Id, "CA-1", Haircut, DateTimeOffset.UtcNow.AddDays(1), "Ada", "+12125550100", "k"), Token))
            .ShouldBeOfType<BookingOutcome.CalendarUnavailable>();
        (await desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, "a1", "CA-1", DateTimeOffset.UtcNow.AddDays(1)), Token))
            .ShouldBeOfType<BookingOutcome.CalendarUnavailable>();
        (await desk.CancelAsync(DemoBusiness.Id, "a1", "reason", null, Token)).ShouldBe(CancelResult.CalendarUnavailable);
        (await desk.CancelAsync(DemoBusiness.Id, "a1", "reason", Token)).ShouldBeFalse();
        (await desk.FindUpcomingAsync(DemoBusiness.Id, "+12125550100", Token)).ShouldBeNull();
        await desk.ExtendHoldsAsync(DemoBusiness.Id, "CA-1", Token);
        await desk.ReleaseHoldsAsync(DemoBusiness.Id, "CA-1", Token);
    }

    [Fact]
    public async Task The_console_s_reads_raise_a_calendar_unavailable_exception_for_the_page_to_show()
    {
        var desk = DeskOver("not a database file");

        await Should.ThrowAsync<CalendarUnavailableException>(() => desk.FreeSlotsAsync(DemoBusiness.Id, Haircut.Id, new DateOnly(2026, 3, 3), Token));
    }

    [Fact]
    public async Task Calendar_tables_dropped_under_a_running_app_make_the_calendar_unavailable()
    {
        await using var app = new CalendarApp();
        var haircut = await app.ServiceAsync();
        (await app.Desk.BookAsync(new BookingRequest(DemoBusiness.Id, "CA-0", haircut, CalendarApp.OnTuesday(9), "Grace", "+12125550101", "k0"), Token))
            .ShouldNotBeOfType<BookingOutcome.CalendarUnavailable>();

        // The app's connections stay open with the booking's statements prepared: they must notice the schema changed.
        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await other.OpenAsync(Token);
            await using var drop = other.CreateCommand();
            drop.CommandText = "PRAGMA foreign_keys=OFF; DROP TABLE CalendarClaims; DROP TABLE SlotHolds; DROP TABLE Appointments;";
            await drop.ExecuteNonQueryAsync(Token);
        }

        var outcome = await app.Desk.BookAsync(new BookingRequest(DemoBusiness.Id, "CA-1", haircut, CalendarApp.OnTuesday(10), "Ada", "+12125550100", "k"), Token);

        outcome.ShouldBeOfType<BookingOutcome.CalendarUnavailable>();
    }

    private sealed class Factory(DbContextOptions<CallFlowDb> options) : IDbContextFactory<CallFlowDb>
    {
        public CallFlowDb CreateDbContext() => new(options);
    }

    internal sealed class NoCarrier : ICarrierClient
    {
        public Task<PlacedCall> PlaceCallAsync(OutboundCallRequest call, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RedirectCallAsync(string callSid, CallInstructions instructions, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task EndCallAsync(string callSid, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SentMessage> SendMessageAsync(OutboundMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
