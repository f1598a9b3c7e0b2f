using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CallFlow.Web.Data;

/// <summary>
/// A query the phone line runs on every turn, compiled by EF Core once instead of being built as an expression tree,
/// parameterised and looked up in EF's query cache on every execution. Compiled once per model: EF Core refuses a
/// compiled query on a context of another model, and every app built in one process (as the tests build them) has its own.
/// </summary>
internal sealed class CompiledQuery<TParam, TResult>(Expression<Func<CallFlowDb, TParam, CancellationToken, TResult>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<CallFlowDb, TParam, CancellationToken, Task<TResult>>> _byModel = [];

    public Task<TResult> RunAsync(CallFlowDb db, TParam parameter, CancellationToken cancellationToken) =>
        _byModel.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter, cancellationToken);
}
