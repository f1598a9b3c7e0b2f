using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Tests.Infrastructure;

/// <summary>
/// The SQL an app sends through EF Core while recording: which statements something took. It can also run something
/// right after a given statement, as another caller would at that very moment.
/// </summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private volatile bool _recording;
    private (string Sql, Func<Task> Meanwhile)? _after;

    /// <summary>Runs <paramref name="meanwhile"/> once, right after the next query whose SQL contains <paramref name="sql"/> has run.</summary>
    public void After(string sql, Func<Task> meanwhile) => _after = (sql, meanwhile);

    /// <summary>Whether the statement <see cref="After"/> waits for has run (and what it ran with it has finished).</summary>
    public bool Interleaved { get; private set; }

    /// <summary>The statements of <paramref name="work"/> (and of anything else the app ran meanwhile), in order.</summary>
    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> work)
    {
        _commands.Clear();
        _recording = true;
        try
        {
            await work();
        }
        finally
        {
            _recording = false;
        }

        return [.. _commands];
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (_after is { } after && command.CommandText.Contains(after.Sql, StringComparison.Ordinal))
        {
            _after = null;
            await after.Meanwhile();
            Interleaved = true;
        }

        return result;
    }

    private T Record<T>(DbCommand command, T result)
    {
        if (_recording)
        {
            _commands.Enqueue(command.CommandText);
        }

        return result;
    }
}
