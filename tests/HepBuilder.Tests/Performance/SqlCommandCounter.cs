using System.Collections.Concurrent;
using System.Data.Common;
using HepBuilder.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Performance;

/// <summary>
/// Records the SQL commands EF sends while handling a request that carries the <see cref="Header"/> header, keyed by
/// its value, so a test can tell exactly how many round trips one page costs. Requests without the header (every
/// other test) are not recorded.
/// </summary>
public sealed class SqlCommandCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Header = "X-Test-Sql-Count";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new();

    /// <summary>Adds the counter to the app's (pooled) DbContext options, next to the app's own interceptors.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<SqlCommandCounter>();
        services.ConfigureDbContext<HepDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SqlCommandCounter>()));
    }

    public IReadOnlyList<string> CommandsOf(string requestKey) =>
        _commands.TryGetValue(requestKey, out var queue) ? [.. queue] : [];

    private void Record(DbCommand command)
    {
        var key = accessor.HttpContext?.Request.Headers[Header].ToString();
        if (!string.IsNullOrEmpty(key)) _commands.GetOrAdd(key, _ => new()).Enqueue(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
