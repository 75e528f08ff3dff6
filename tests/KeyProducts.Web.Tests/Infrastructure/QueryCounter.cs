using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeyProducts.Web.Tests.Infrastructure;

/// <summary>Counts SQL commands, so a test can show that a list page runs a constant number of queries.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;
    private volatile bool _on;

    public int Count => _count;

    public IDisposable Start()
    {
        Interlocked.Exchange(ref _count, 0);
        _on = true;
        return new Stop(this);
    }

    public override DbDataReader ReaderExecuted(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result
    )
    {
        Hit();
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default
    )
    {
        Hit();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        object? result,
        CancellationToken cancellationToken = default
    )
    {
        Hit();
        return ValueTask.FromResult(result);
    }

    private void Hit()
    {
        if (_on)
            Interlocked.Increment(ref _count);
    }

    private sealed class Stop(QueryCounter c) : IDisposable
    {
        public void Dispose() => c._on = false;
    }
}
