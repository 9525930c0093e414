using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace OneStop.Platform.Database;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/onestop.db";

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("OneStop") ?? DefaultSqlite)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<GroupCommit>();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("OneStop") ?? DefaultSqlite;

        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<PostgresOneStopDb>((sp, o) => Quiet(o.UseNpgsql(WithPoolSettings(connectionString)).AddInterceptors(sp.GetServices<IInterceptor>())));
            services.AddScoped<OneStopDb>(sp => sp.GetRequiredService<PostgresOneStopDb>());
        }
        else
        {
            EnsureSqliteFolder(connectionString);
            services.AddDbContextPool<SqliteOneStopDb>((sp, o) => Quiet(o.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeout()).AddInterceptors(sp.GetServices<IInterceptor>())));
            services.AddScoped<OneStopDb>(sp => sp.GetRequiredService<SqliteOneStopDb>());
        }
        return services;
    }

    /// <summary>Applies every pending migration of the configured provider.</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while the importer writes, and survives a crash mid-write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public static async Task MigrateOnStartIfConfiguredAsync(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.ShouldMigrateOnStart) await services.MigrateAsync();
    }

    // SQLite creates the file but not its folder; a fresh clone has no data/ yet.
    /// <summary>
    /// A unique index refusing a second insert is how exactly-once works here (a double click, a retried
    /// request), and the caller handles it; EF would log each as an error with a stack trace. A failure no
    /// one handles still reaches the error handler's log.
    /// </summary>
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information)));

    /// <summary>
    /// Two Npgsql settings for short requests, each left alone when the connection string sets it. Npgsql resets a
    /// pooled connection (DISCARD ALL) each time it is handed out again, which doubles the statements of a short
    /// request and throws away the server's cached plans; OneStop never leaves state on a connection (no SET,
    /// temporary tables or session variables), so it skips the reset. And it prepares the statements a connection
    /// runs often (Max Auto Prepare), so PostgreSQL parses and plans a submission's few statements once per
    /// connection instead of on every request. Schema changes happen only in migrations, before the app serves.
    /// </summary>
    internal static string WithPoolSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 50;
        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
