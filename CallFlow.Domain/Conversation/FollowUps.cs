using System.Text.Json.Serialization;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Work a turn leaves for after the call (or outside it), returned as data: the Web saves it with the turn and the
/// recovery jobs (issue 7) carry it out. Serialises with a <c>kind</c> discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ScheduleCallback), "schedule_callback")]
[JsonDerivedType(typeof(DeliverMessage), "deliver_message")]
[JsonDerivedType(typeof(TakeProvisionalBooking), "take_provisional_booking")]
public abstract record FollowUp
{
    /// <summary>The wire name of the follow-up's kind (schedule_callback, ...).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>
    /// The caller was promised a callback. <paramref name="Collected"/> is what they had given so far, so the callback
    /// can resume the booking where it stopped.
    /// </summary>
    public sealed record ScheduleCallback(string PhoneNumber, string Reason, IReadOnlyDictionary<string, string> Collected) : FollowUp
    {
        [JsonIgnore]
        public override string Kind => "schedule_callback";
    }

    /// <summary>A message the caller left for the team.</summary>
    public sealed record DeliverMessage(string From, string Text) : FollowUp
    {
        [JsonIgnore]
        public override string Kind => "deliver_message";
    }

    /// <summary>
    /// The calendar could not be reached: the caller was told the booking will be confirmed by text. Take it
    /// provisionally and confirm (or offer another time) when the calendar answers. <paramref name="RescheduleOf"/> is
    /// set when the caller was moving an existing appointment.
    /// </summary>
    public sealed record TakeProvisionalBooking(
        string ServiceId,
        DateTimeOffset StartUtc,
        string CustomerName,
        string CustomerPhone,
        string Reason,
        string? RescheduleOf = null) : FollowUp
    {
        [JsonIgnore]
        public override string Kind => "take_provisional_booking";
    }
}
