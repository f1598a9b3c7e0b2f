using System.Text.Json;
using CallFlow.Domain.Conversation;

namespace CallFlow.Tests.Domain.Conversation;

public class FollowUpTests
{
    public static TheoryData<FollowUp, string> FollowUps => new()
    {
        { new FollowUp.ScheduleCallback("+12125550199", "no input", new Dictionary<string, string> { ["service"] = "Color" }), "schedule_callback" },
        { new FollowUp.DeliverMessage("+12125550199", "Call me about a wedding"), "deliver_message" },
        { new FollowUp.TakeProvisionalBooking("demo-salon-haircut", DateTimeOffset.Parse("2026-03-06T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "Dana", "+19175550123", "calendar down", "appt-1"), "take_provisional_booking" },
    };

    [Theory]
    [MemberData(nameof(FollowUps))]
    public void A_follow_up_is_stored_as_json_with_its_kind_and_read_back_as_itself(FollowUp followUp, string kind)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(followUp, options);
        var back = JsonSerializer.Deserialize<FollowUp>(json, options)!;

        followUp.Kind.ShouldBe(kind);
        JsonDocument.Parse(json).RootElement.GetProperty("kind").GetString().ShouldBe(kind);
        back.GetType().ShouldBe(followUp.GetType());
        JsonSerializer.Serialize(back, options).ShouldBe(json);
    }
}
