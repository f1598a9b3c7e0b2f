using CallFlow.Domain.Booking;
using CallFlow.Web.Telephony;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlow.Web.Calendar;

public static class CalendarRegistration
{
    /// <summary>
    /// The calendar: validated <c>Calendar</c> options, the booking desk (the conversation's <see cref="IBookingDesk"/>),
    /// confirmation texts, the console's appointment queries and staff bookings, and hold release on hang-up.
    /// </summary>
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BookingTexts>();
        services.AddSingleton<BookingDesk>();
        services.AddSingleton<IBookingDesk>(provider => provider.GetRequiredService<BookingDesk>());
        services.AddSingleton<AppointmentQueries>();
        services.AddScoped<StaffBooking>();
        services.AddSingleton<ICallEndedHandler, HoldsReleasedOnHangUp>();
        return builder;
    }
}
