using System.Security.Claims;
using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>A front-desk user of one business gets nothing of another's appointments, whatever id or URL they use.</summary>
public class AppointmentAccessTests : IAsyncLifetime
{
    private readonly CalendarApp _app = new();
    private SampleBusiness _harbor = null!;
    private string _harborAppointment = null!;
    private string _demoAppointment = null!;

    public async ValueTask InitializeAsync()
    {
        _harbor = await _app.AddSecondBusinessAsync();
        var haircut = new ServiceOffering($"{_harbor.Id}-haircut", "Haircut", [], 45);
        _harborAppointment = (await _app.Desk.BookAsync(
            new BookingRequest(_harbor.Id, "CA-h", haircut, CalendarApp.OnTuesday(11), "Harbor Patient", "+13125550202", "h1"), CalendarApp.Token))
            .ShouldBeOfType<BookingOutcome.Booked>().AppointmentId;
        _demoAppointment = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Salon Client");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => CalendarApp.Token;

    private async Task<StaffBooking> BookingAsAsync(StaffAccount account)
    {
        var factory = _app.Service<IDbContextFactory<CallFlowDb>>();
        var scope = new BusinessScope(factory, new FixedUser(await _app.PrincipalAsync(account)));
        return new StaffBooking(scope, _app.Desk, _app.Service<AppointmentQueries>());
    }

    [Fact]
    public async Task Another_business_s_appointment_url_shows_not_found_and_none_of_its_details()
    {
        using var desk = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var theirs = await desk.GetStringAsync($"/appointments/{_harborAppointment}", Token);
        var ours = await desk.GetStringAsync($"/appointments/{_demoAppointment}", Token);

        theirs.ShouldContain("data-testid=\"appointment-not-found\"");
        theirs.ShouldNotContain("Harbor Patient");
        theirs.ShouldNotContain("13125550202");
        ours.ShouldNotContain("data-testid=\"appointment-not-found\"");
        ours.ShouldContain("Salon Client");
    }

    [Fact]
    public async Task Another_business_s_appointment_cannot_be_cancelled_moved_or_confirmed_by_id()
    {
        var demoDesk = await BookingAsAsync(_app.DemoFrontDesk());

        (await demoDesk.CancelAsync(_harborAppointment, "by URL", Token)).ShouldBe(CancelResult.NotFound);
        (await demoDesk.RescheduleAsync(_harborAppointment, CalendarApp.Tuesday, new TimeOnly(14, 0), Token)).ShouldBeOfType<BookingOutcome.Rejected>();
        (await demoDesk.ConfirmAsync(_harborAppointment, Token)).ShouldBeOfType<BookingOutcome.Rejected>();
        var harborOnly = await demoDesk.BookAsync(new StaffAppointmentRequest(
            _harbor.Id, new ServiceOffering($"{_harbor.Id}-haircut", "Haircut", [], 45), CalendarApp.Tuesday, new TimeOnly(15, 0), "Sneaky", "+12125550111", "k"), Token);
        harborOnly.ShouldBeOfType<BookingOutcome.Rejected>();

        var stored = await _app.AppointmentsAsync();
        stored.Single(a => a.Id == _harborAppointment).Status.ShouldBe(AppointmentStatus.Booked);
        stored.Single(a => a.Id == _harborAppointment).StartUtc.ShouldBe(CalendarApp.OnTuesday(11));
        stored.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Front_desk_and_owners_may_both_manage_their_own_appointments()
    {
        var desk = await BookingAsAsync(_app.DemoFrontDesk());
        var owner = await BookingAsAsync(_app.DemoOwner());

        (await desk.RescheduleAsync(_demoAppointment, CalendarApp.Tuesday, new TimeOnly(14, 0), Token)).ShouldBeOfType<BookingOutcome.Booked>();
        (await owner.CancelAsync(_demoAppointment, "owner's call", Token)).ShouldBe(CancelResult.Cancelled);

        var stored = (await _app.AppointmentsAsync()).Single(a => a.Id == _demoAppointment);
        (stored.RescheduledBy, stored.CancelledBy).ShouldBe(($"staff:{_app.DemoFrontDesk().Name}", $"staff:{_app.DemoOwner().Name}"));
    }

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
