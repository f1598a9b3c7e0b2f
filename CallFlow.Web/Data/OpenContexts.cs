using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Data;

public static class OpenContexts
{
    /// <summary>
    /// A context whose connection is open from the start until it is disposed, for a unit of work that sends several
    /// statements. Left to itself, EF Core opens and closes the connection around each statement outside a
    /// transaction, and every open of a SQLite connection registers EF's SQL functions on it again (seven native calls
    /// and their allocations). A phone turn opened about seven connections that way, and 2.7 with the turn's and the
    /// calendar's contexts opened once: 5% more turns per second in the benchmark. (Since then a pooled context's
    /// connection stays open between units, see <see cref="KeptOpenSqliteConnection"/>, so this matters only for a
    /// context's first unit.) Only for units that never leave a transaction unfinished on their connection:
    /// <see cref="SqliteWriteGate"/> learns such a transaction is over only at the context's end.
    /// </summary>
    public static async Task<CallFlowDb> CreateOpenDbContextAsync(this IDbContextFactory<CallFlowDb> factory, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
