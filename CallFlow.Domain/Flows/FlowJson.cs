using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallFlow.Domain.Flows;

/// <summary>
/// The stored form of a flow: camelCase properties and snake_case enum values
/// (<c>{"type":"booking","steps":[{"id":"date","type":"information_collection","input":"date",…}]}</c>).
/// </summary>
public static class FlowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize(FlowDefinition flow) => JsonSerializer.Serialize(flow, Options);

    /// <summary>Reads a stored flow; malformed JSON is reported as a <see cref="JsonException"/>.</summary>
    public static FlowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<FlowDefinition>(json, Options) ?? throw new JsonException("The flow is empty (null).");

    /// <summary>Reads a flow the owner typed, with the reason when it is not a flow at all.</summary>
    public static bool TryDeserialize(string json, out FlowDefinition? flow, out string? error)
    {
        try
        {
            flow = Deserialize(json);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            flow = null;
            error = e.Message;
            return false;
        }
    }
}
