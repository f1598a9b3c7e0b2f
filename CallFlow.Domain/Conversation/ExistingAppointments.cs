using CallFlow.Domain.Booking;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Rescheduling and cancelling by phone: the caller's next appointment is found by the number they call from and
/// read to them; a cancellation is confirmed before it is made, a reschedule collects the new day and time through
/// the flow (service and name stay) and is read back like a booking.
/// </summary>
internal static class ExistingAppointments
{
    public static async Task<VoiceReply> RescheduleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (await FindAsync(turn, cancellationToken) is not { } appointment)
        {
            turn.Say(NotFound);
            turn.State.Pending = PendingQuestion.WantsToBook;
            return turn.Ask("Would you like to book a new appointment?");
        }

        BookingCollector.Start(turn, ConversationGoal.Reschedule);
        turn.State.Existing = appointment;
        if (turn.Business.Services.FirstOrDefault(s => s.Id == appointment.ServiceId) is { } service)
        {
            turn.Collected[BookingFields.Service] = service.Name;
            turn.Context.AppointmentData = turn.Context.AppointmentData with { ServiceId = service.Id };
        }

        turn.Collected[BookingFields.CustomerName] = appointment.CustomerName;
        turn.Collected[BookingFields.CustomerPhone] = turn.CallerNumber;
        turn.Context.AppointmentData = turn.Context.AppointmentData with { CustomerName = appointment.CustomerName, CustomerPhone = turn.CallerNumber };
        BookingCollector.Forget(turn, BookingFields.Date);
        BookingCollector.Forget(turn, BookingFields.Time);
        turn.Say($"I found your {appointment.ServiceName} on {When(appointment)}.");
        if (turn.Reading is { } reading)
        {
            // "Move my haircut to Thursday at 4": the new day and time come with the request; the service stays.
            // A day that is the appointment's own ("move my Friday haircut") names it rather than the new day.
            var namesOld = reading.Date == DateOnly.FromDateTime(appointment.LocalStart.DateTime);
            turn.Reading = reading with { Service = null, Name = null, Phone = null, Date = namesOld ? null : reading.Date, Time = namesOld ? null : reading.Time };
        }

        return await BookingCollector.ContinueAsync(turn, cancellationToken);
    }

    public static async Task<VoiceReply> CancelAsync(Turn turn, CancellationToken cancellationToken)
    {
        turn.Call.IdentifyIntent(Intent.Cancel, turn.Words);
        if (await FindAsync(turn, cancellationToken) is not { } appointment)
        {
            turn.Say(NotFound);
            turn.State.Pending = PendingQuestion.AnythingElse;
            return turn.Ask(Prompts.AnythingElse);
        }

        turn.State.Goal = ConversationGoal.CancelExisting;
        turn.State.Existing = appointment;
        turn.State.Pending = PendingQuestion.ConfirmCancel;
        turn.Say($"I found your {appointment.ServiceName} on {When(appointment)}.");
        return turn.Ask("Would you like me to cancel it?");
    }

    /// <summary>The caller answered "Would you like me to cancel it?".</summary>
    public static async Task<VoiceReply?> ConfirmCancelAsync(Turn turn, CancellationToken cancellationToken)
    {
        var appointment = turn.State.Existing!;
        switch (turn.Reading?.Intent)
        {
            case Intent.Yes or Intent.Cancel:
                var cancelled = await turn.Desk.CancelAsync(turn.Business.Id, appointment.AppointmentId, "cancelled by the caller by phone", cancellationToken);
                turn.Say(cancelled
                    ? $"Done. Your {appointment.ServiceName} on {When(appointment)} is cancelled."
                    : "It looks like that appointment was already cancelled.");
                break;
            case Intent.No:
                turn.Say("Okay, I'll keep it as it is.");
                break;
            default:
                return null;
        }

        turn.State.Goal = ConversationGoal.None;
        turn.State.Existing = null;
        turn.State.Pending = PendingQuestion.AnythingElse;
        return turn.Ask(Prompts.AnythingElse);
    }

    private static async Task<UpcomingAppointment?> FindAsync(Turn turn, CancellationToken cancellationToken) =>
        turn.CallerNumber.Length == 0 ? null : await turn.Desk.FindUpcomingAsync(turn.Business.Id, turn.CallerNumber, cancellationToken);

    private const string NotFound = "I couldn't find an upcoming appointment for the number you're calling from.";

    private static string When(UpcomingAppointment appointment) =>
        Speech.DateAndTime(DateOnly.FromDateTime(appointment.LocalStart.DateTime), TimeOnly.FromDateTime(appointment.LocalStart.DateTime));
}
