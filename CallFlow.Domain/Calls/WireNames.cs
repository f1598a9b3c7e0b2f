using System.Collections.Concurrent;
using System.Text;

namespace CallFlow.Domain.Calls;

/// <summary>Converts PascalCase enum names to the snake_case names the audit trail and diagrams show.</summary>
internal static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of(Enum value) => Cache.GetOrAdd(value, static v => ToSnakeCase(v.ToString()));

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
