using Bunit;
using CallFlow.Domain.Booking;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Components.Pages.Appointments;
using CallFlow.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CallFlow.Tests.Web.Components.Pages.Appointments;

/// <summary>The appointments page against a real app whose clock stands at Monday 2 March 2026, 08:00 in New York.</summary>
public class AppointmentsPageTests : ConsoleContext, IAsyncLifetime
{
    private readonly CalendarApp _app = new();
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public async ValueTask InitializeAsync()
    {
        Services.AddSingleton(_app.Service<IDbContextFactory<CallFlowDb>>());
        Services.AddSingleton(_app.Service<AppointmentQueries>());
        Services.AddSingleton(_app.Service<BookingDesk>());
        Services.AddSingleton<TimeProvider>(_app.Time);
        Services.AddScoped<BusinessScope>();
        Services.AddScoped<StaffBooking>();
        await Task.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private IRenderedComponent<AppointmentsPage> RenderPage(StaffAccount? account = null, string? id = null)
    {
        SignInAs(account ?? _app.DemoFrontDesk());
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        var page = Render<AppointmentsPage>(p => p.Add(x => x.Id, id));
        page.WaitForState(() => page.FindAll("[data-testid=loading]").Count == 0 && page.FindAll("[data-testid=page-title]").Count == 1);
        return page;
    }

    private static void Type(IRenderedComponent<MudDialogProvider> dialogs, string testId, string value) =>
        dialogs.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").Change(value);

    [Fact]
    public async Task The_week_shows_the_user_s_appointments_and_none_of_another_business()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada Lovelace");
        var harborHaircut = new CallFlow.Domain.Businesses.ServiceOffering($"{harbor.Id}-haircut", "Haircut", [], 45);
        (await _app.Desk.BookAsync(new BookingRequest(harbor.Id, "CA-h", harborHaircut, CalendarApp.OnTuesday(11), "Harbor Patient", "+13125550202", "h1"), CalendarApp.Token))
            .ShouldBeOfType<BookingOutcome.Booked>();

        var page = RenderPage();

        page.Find("[data-testid=period]").TextContent.ShouldBe("2–8 March 2026");
        var shown = page.FindAll("[data-testid=appointment]").ShouldHaveSingleItem();
        shown.TextContent.ShouldContain("10:00");
        shown.TextContent.ShouldContain("Ada Lovelace");
        page.Markup.ShouldNotContain("Harbor Patient");
        page.FindAll("[data-testid=business]").ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_week_says_so_and_invites_a_booking()
    {
        var page = RenderPage();

        page.Find("[data-testid=calendar-empty]").TextContent.ShouldContain("No appointments this week");
    }

    [Fact]
    public async Task Provisional_bookings_are_highlighted()
    {
        await _app.AddProvisionalAsync(CalendarApp.OnTuesday(12), "Grace Hopper");

        var page = RenderPage();

        var provisional = page.Find("[data-status=provisional]");
        provisional.ClassList.ShouldContain("cf-cal-provisional");
        provisional.TextContent.ShouldContain("provisional");
    }

    [Fact]
    public async Task Staff_book_through_the_dialog_and_are_named_as_the_booker()
    {
        var page = RenderPage();

        page.Find("[data-testid=new-appointment]").Click();
        _dialogs.WaitForElement("[data-testid=appointment-dialog]");
        Type(_dialogs, "date", "2026-03-03");
        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=free-slot]").Count.ShouldBeGreaterThan(0));
        _dialogs.FindAll("[data-testid=free-slot]").First(c => c.TextContent.Contains("10:00")).Click();
        Type(_dialogs, "customer-name", "Ada Lovelace");
        Type(_dialogs, "customer-phone", "(646) 555-0142");
        _dialogs.Find("[data-testid=save]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=appointment-dialog]").ShouldBeEmpty());
        var booked = (await _app.AppointmentsAsync()).ShouldHaveSingleItem();
        (booked.StartUtc, booked.CustomerPhone, booked.CreatedBy).ShouldBe((CalendarApp.OnTuesday(10), "+16465550142", $"staff:{_app.DemoFrontDesk().Name}"));
        page.WaitForAssertion(() => page.Find("[data-testid=appointment]").TextContent.ShouldContain("Ada Lovelace"));
        page.Find("[data-testid=appointment-details]").TextContent.ShouldContain("Ada Lovelace");
    }

    [Fact]
    public async Task A_refused_time_shows_the_explainer_s_reason_and_an_alternative_can_be_taken()
    {
        await _app.SetCapacityAsync(1);
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Already There");
        var page = RenderPage();

        page.Find("[data-testid=new-appointment]").Click();
        _dialogs.WaitForElement("[data-testid=appointment-dialog]");
        Type(_dialogs, "date", "2026-03-03");
        Type(_dialogs, "time", "10:00");
        Type(_dialogs, "customer-name", "Bea Arthur");
        Type(_dialogs, "customer-phone", "+16465550199");
        _dialogs.Find("[data-testid=save]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=refusal-reason]").TextContent.ShouldContain("Every seat is booked at 10:00"));
        (await _app.AppointmentsAsync()).Count.ShouldBe(1);

        _dialogs.FindAll("[data-testid=alternative]")[0].Click();
        _dialogs.Find("[data-testid=save]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=appointment-dialog]").ShouldBeEmpty());
        (await _app.AppointmentsAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_bad_phone_number_is_a_validation_message_not_a_booking()
    {
        var page = RenderPage();

        page.Find("[data-testid=new-appointment]").Click();
        _dialogs.WaitForElement("[data-testid=appointment-dialog]");
        Type(_dialogs, "time", "10:00");
        Type(_dialogs, "customer-name", "Ada");
        Type(_dialogs, "customer-phone", "12");
        _dialogs.Find("[data-testid=save]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldContain("Enter a valid phone number"));
        (await _app.AppointmentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_from_the_details_records_the_staff_member_and_the_reason()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada Lovelace");
        var page = RenderPage(id: id);

        page.Find("[data-testid=cancel]").Click();
        _dialogs.WaitForElement("[data-testid=cancel-dialog]");
        Type(_dialogs, "cancel-reason", "Called to cancel");
        _dialogs.Find("[data-testid=confirm-cancel]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=cancelled-by]").TextContent.ShouldContain($"by {_app.DemoFrontDesk().Name} (staff): Called to cancel"));
        var cancelled = (await _app.AppointmentsAsync()).Single();
        (cancelled.Status, cancelled.CancelledBy).ShouldBe((AppointmentStatus.Cancelled, $"staff:{_app.DemoFrontDesk().Name}"));
        page.FindAll("[data-testid=appointment]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_business_s_appointment_is_not_found_by_id()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        var harborHaircut = new CallFlow.Domain.Businesses.ServiceOffering($"{harbor.Id}-haircut", "Haircut", [], 45);
        var theirs = (await _app.Desk.BookAsync(new BookingRequest(harbor.Id, "CA-h", harborHaircut, CalendarApp.OnTuesday(11), "Harbor Patient", "+13125550202", "h1"), CalendarApp.Token))
            .ShouldBeOfType<BookingOutcome.Booked>().AppointmentId;

        var page = RenderPage(id: theirs);

        page.Find("[data-testid=appointment-not-found]");
        page.FindAll("[data-testid=appointment-details]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("Harbor Patient");
    }

    [Fact]
    public async Task The_list_pages_the_business_s_appointments()
    {
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada Lovelace");
        await _app.BookedIdAsync(CalendarApp.OnTuesday(14), "Bea Arthur");
        var page = RenderPage();

        page.Find("[data-testid=view-list]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=appointment-list]").TextContent.ShouldContain("Bea Arthur"));
        page.Find("[data-testid=appointment-list]").TextContent.ShouldContain("Ada Lovelace");
    }
}
