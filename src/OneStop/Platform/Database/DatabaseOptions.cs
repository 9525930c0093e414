using System.ComponentModel.DataAnnotations;

namespace OneStop.Platform.Database;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Section <c>Database</c>. The connection string itself is <c>ConnectionStrings:OneStop</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the web app starts. On by default only for SQLite;
    /// production PostgreSQL uses the <c>migrate</c> command so that nodes never race to migrate.</summary>
    public bool? MigrateOnStart { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "";

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}
