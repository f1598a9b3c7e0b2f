using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Tests.Infrastructure;

/// <summary>Counts the transactions an app commits through EF Core: how many units of work something took.</summary>
public sealed class TransactionCounter : DbTransactionInterceptor
{
    private int _committed;

    public int Committed => Volatile.Read(ref _committed);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _committed);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _committed);
        return Task.CompletedTask;
    }
}
