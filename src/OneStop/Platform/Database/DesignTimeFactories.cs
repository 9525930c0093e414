using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Platform.Database;

// Used only by `dotnet ef migrations add`; see docs/architecture.md for the commands.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOneStopDb>
{
    public SqliteOneStopDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOneStopDb>().UseSqlite(DatabaseSetup.DefaultSqlite).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOneStopDb>
{
    public PostgresOneStopDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOneStopDb>().UseNpgsql("Host=localhost;Database=onestop_design").Options);
}
