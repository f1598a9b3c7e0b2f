using System.Text.Json;
using CallFlow.Domain.Flows;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Flows;

public class FlowJsonTests
{
    [Fact]
    public void A_flow_survives_a_round_trip_through_its_stored_json()
    {
        var flow = DefaultFlows.Booking(Salon.NewYork);

        var back = FlowJson.Deserialize(FlowJson.Serialize(flow));

        FlowJson.Serialize(back).ShouldBe(FlowJson.Serialize(flow));
        back.Steps[3].Fields.ShouldBe(["customerName", "customerPhone"]);
        back.Steps[3].Validation.ShouldBe(flow.Steps[3].Validation);
        back.Rules.ShouldBe(flow.Rules);
    }

    [Fact]
    public void Enum_values_are_stored_in_snake_case()
    {
        var json = FlowJson.Serialize(DefaultFlows.Booking(Salon.NewYork));

        json.ShouldContain("\"type\": \"service_selection\"");
        json.ShouldContain("\"type\": \"information_collection\"");
        json.ShouldContain("\"input\": \"selection\"");
        json.ShouldContain("\"whenNobodyCanTakeTheCall\": \"callback\"");
    }

    [Fact]
    public void A_hand_written_flow_is_read_with_defaults_for_what_it_leaves_out()
    {
        const string json = """
            {
              "name": "Quick",
              "steps": [ { "id": "date", "prompt": "Which day?", "type": "information_collection", "input": "date", "fields": ["date"] } ],
              "requiredFields": ["date"]
            }
            """;

        var flow = FlowJson.Deserialize(json);

        (flow.Type, flow.Steps[0].MaxRetries, flow.Steps[0].Required, flow.Rules.AlternativesToOffer).ShouldBe(("booking", 3, true, 3));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"steps\":[{\"prompt\":\"no id\"}]}")]
    [InlineData("{\"steps\":[{\"id\":\"a\",\"type\":\"unheard_of\"}]}")]
    public void Text_that_is_not_a_flow_is_reported_not_thrown(string json)
    {
        FlowJson.TryDeserialize(json, out var flow, out var error).ShouldBeFalse();

        flow.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
        Should.Throw<JsonException>(() => FlowJson.Deserialize(json));
    }
}
