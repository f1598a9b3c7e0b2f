using CallFlow.Domain.Booking;
using CallFlow.Web.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>
/// The app's real booking desk behind a switch: while <see cref="Down"/> is set, offers and commits answer "calendar
/// unavailable" as an unreachable database would; otherwise everything goes to the database-backed desk.
/// </summary>
public sealed class FlakyDesk(BookingDesk desk) : IBookingDesk
{
    public const string Reason = "the calendar database is not answering";

    public bool Down { get; set; }

    /// <summary>Registers the switch as the app's booking port (use in <c>TelephonyApp.TestServices</c>).</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(provider => new FlakyDesk(provider.GetRequiredService<BookingDesk>()));
        services.AddSingleton<IBookingDesk>(provider => provider.GetRequiredService<FlakyDesk>());
    }

    public Task<SlotOffer> OfferAsync(SlotRequest request, CancellationToken cancellationToken) =>
        Down ? Task.FromResult<SlotOffer>(new SlotOffer.CalendarUnavailable(Reason)) : desk.OfferAsync(request, cancellationToken);

    public Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken cancellationToken) =>
        Down ? Task.FromResult<BookingOutcome>(new BookingOutcome.CalendarUnavailable(Reason)) : desk.BookAsync(request, cancellationToken);

    public Task<DateTimeOffset?> ExtendHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) =>
        Down ? Task.FromResult<DateTimeOffset?>(null) : desk.ExtendHoldsAsync(businessId, callId, cancellationToken);

    public Task ReleaseHoldsAsync(string businessId, string callId, CancellationToken cancellationToken) =>
        Down ? Task.CompletedTask : desk.ReleaseHoldsAsync(businessId, callId, cancellationToken);

    public Task<UpcomingAppointment?> FindUpcomingAsync(string businessId, string phoneNumber, CancellationToken cancellationToken) =>
        Down ? Task.FromResult<UpcomingAppointment?>(null) : desk.FindUpcomingAsync(businessId, phoneNumber, cancellationToken);

    public Task<BookingOutcome> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken) =>
        Down ? Task.FromResult<BookingOutcome>(new BookingOutcome.CalendarUnavailable(Reason)) : desk.RescheduleAsync(request, cancellationToken);

    public Task<bool> CancelAsync(string businessId, string appointmentId, string reason, CancellationToken cancellationToken) =>
        Down ? Task.FromResult(false) : desk.CancelAsync(businessId, appointmentId, reason, cancellationToken);
}
