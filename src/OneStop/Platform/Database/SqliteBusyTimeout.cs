using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.Platform.Database;

/// <summary>
/// SQLite lets one writer at a time in. When another holds the lock, Microsoft.Data.Sqlite retries the
/// statement after sleeping 150 ms, so concurrent submissions queue in 150 ms steps. Setting SQLite's own
/// busy timeout on each connection makes the engine wait inside the call instead, retrying within a
/// millisecond or two of the lock being released; the driver's loop stays as the backstop.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    private static void Set(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
