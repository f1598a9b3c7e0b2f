using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallFlow.Web.Metrics;

/// <summary>
/// Instants as SQLite stores them (UTC ticks, see <c>CallFlowDb</c>), for arithmetic inside metrics queries: grouping
/// calls into quarter hours and summing handle times happens in the database instead of over every row here.
/// Only for LINQ queries; SQLite only.
/// </summary>
internal static class StoredTicks
{
    public static long Of(DateTimeOffset instant) => throw new InvalidOperationException("StoredTicks.Of runs only inside database queries.");

    public static long? Of(DateTimeOffset? instant) => throw new InvalidOperationException("StoredTicks.Of runs only inside database queries.");

    /// <summary>Maps <see cref="Of(DateTimeOffset)"/> to the column's own integer value.</summary>
    public static ModelBuilder AddStoredTicks(this ModelBuilder model)
    {
        var ticks = new LongTypeMapping("INTEGER");
        foreach (var method in typeof(StoredTicks).GetMethods().Where(m => m.Name == nameof(Of)))
        {
            model.HasDbFunction(method).HasTranslation(arguments =>
                new SqlUnaryExpression(ExpressionType.Convert, arguments[0], typeof(long), ticks));
        }

        return model;
    }
}
