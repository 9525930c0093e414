using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("OneStop") ?? DefaultSqlite;

        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<PostgresOneStopDb>(o => o.UseNpgsql(connectionString));
            services.AddScoped<OneStopDb>(sp => sp.GetRequiredService<PostgresOneStopDb>());
        }
        else
        {
            EnsureSqliteFolder(connectionString);
            services.AddDbContextPool<SqliteOneStopDb>(o => o.UseSqlite(connectionString));
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
    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
