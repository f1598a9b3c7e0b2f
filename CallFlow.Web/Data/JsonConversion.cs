using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Data;

/// <summary>Stores a value as a JSON text column, compared by its JSON so in-place edits are saved.</summary>
public static class JsonConversion
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class, new()
    {
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => Snapshots<T>.Json(a) == Snapshots<T>.Json(b),
                value => Snapshots<T>.Json(value)!.GetHashCode(StringComparison.Ordinal),
                value => Snapshots<T>.Take(value)));
        return property;
    }

    /// <summary>
    /// The copies EF Core keeps as a tracked value's original, each with the JSON it was made from. A copy is never
    /// edited (the app edits the current value, never EF's original), so its JSON stays true, and detecting changes
    /// serializes only the current value instead of both.
    /// </summary>
    private static class Snapshots<T>
        where T : class
    {
        private static readonly ConditionalWeakTable<T, string> JsonOfCopy = [];

        public static T Take(T value)
        {
            var json = JsonSerializer.Serialize(value, Options);
            var copy = JsonSerializer.Deserialize<T>(json, Options)!;
            JsonOfCopy.AddOrUpdate(copy, json);
            return copy;
        }

        public static string? Json(T? value) =>
            value is null ? null : JsonOfCopy.TryGetValue(value, out var json) ? json : JsonSerializer.Serialize(value, Options);
    }
}
