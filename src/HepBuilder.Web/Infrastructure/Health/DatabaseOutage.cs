using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace HepBuilder.Web.Infrastructure.Health;

/// <summary>
/// What a request sees while PostgreSQL is down or restarting: a plain 503 page with a reference, at once. It is
/// written here rather than by re-running the pipeline for /Error, because that second pass needs the database too
/// (a sign-in whose security stamp is due for a check fails the same way) and would end in an empty 500.
/// </summary>
public sealed class DatabaseOutage(ILogger<DatabaseOutage> logger) : IExceptionHandler
{
    /// <summary>
    /// Npgsql waits 15 s for a connection by default: a hang to the user. A stopped or restarting server refuses at
    /// once (the 503 comes in milliseconds, whatever this is); this bounds an unanswered connect (a dropped network,
    /// an exhausted pool) to 5 s. Not 2: when 64 clinicians hit a freshly started app on a loaded machine, opening its
    /// first connections took longer than 2 s and gave false 503s (scripts/load app-fault). A connection string that
    /// sets its own Timeout keeps it; commands keep Npgsql's 30 s.
    /// </summary>
    public static string WithConnectTimeout(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Timeout")
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 }.ConnectionString;
    }

    /// <summary>True when the failure is the database being unreachable, not a fault in the request or the code.</summary>
    public static bool IsOutage(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 08: connection exceptions; 57P01-57P03: shutting down, crashed, starting up; 53300: too many connections.
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || p.SqlState == PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException or EndOfStreamException }:
                case NpgsqlException { IsTransient: true, InnerException: null }:
                    return true;
            }
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsOutage(exception) || context.Response.HasStarted) return false;
        var reference = Activity.Current?.Id ?? context.TraceIdentifier;
        logger.LogWarning(exception, "Database unavailable; answered 503 (reference {Reference})", reference);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page(WebUtility.HtmlEncode(reference)), ct);
        return true;
    }

    private static string Page(string reference) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Temporarily unavailable · HepBuilder</title>
            <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css" />
            <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
        <main id="main" class="container-xl py-4">
            <div class="card auth-card shadow-sm">
                <div class="card-body p-4">
                    <p class="text-muted mb-1">Error 503</p>
                    <h1 class="h3">Temporarily unavailable</h1>
                    <p>HepBuilder cannot reach its database right now. Please try again in a moment; if you were saving a change, check that it is there before you make it again.</p>
                    <p class="mb-0 text-muted">If it keeps happening, tell your administrator this reference: <code>{reference}</code></p>
                </div>
            </div>
        </main>
        </body>
        </html>
        """;
}
