using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calendar;

/// <summary>The calendar cannot answer right now (database unreachable, locked too long, rules that do not validate).</summary>
public sealed class CalendarUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>Tells a lost race for a seat (a unique-index violation) from a calendar that cannot be reached.</summary>
internal static class CalendarFailures
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const string PostgresUniqueViolation = "23505";

    /// <summary>A concurrent commit inserted the same claim (or the same idempotency key) first.</summary>
    public static bool IsUniqueViolation(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        DbException db => db.SqlState == PostgresUniqueViolation,
        _ => false,
    });

    /// <summary>
    /// Failures that mean "the calendar is unavailable": the database refused or timed out. Anything else is a bug and
    /// is left to surface.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(e =>
        e is DbException or DbUpdateException or TimeoutException or CalendarUnavailableException);

    /// <summary>A short reason for logs and for the conversation's provisional booking.</summary>
    public static string Describe(Exception exception) => Chain(exception).OfType<CalendarUnavailableException>().FirstOrDefault()?.Message
        ?? Chain(exception).OfType<DbException>().FirstOrDefault()?.Message
        ?? exception.Message;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
