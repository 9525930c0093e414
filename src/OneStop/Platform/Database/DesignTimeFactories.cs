using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Platform.Database;

// Used only by `dotnet ef migrations add`; see docs/architecture.md for the commands.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOneStopDb>
{
    public SqliteOneStopDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOneStopDb>()
            .UseSqlite(DatabaseSetup.DefaultSqlite)
            .UseApplicationServiceProvider(DesignTimeServices.Provider).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOneStopDb>
{
    public PostgresOneStopDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOneStopDb>()
            .UseNpgsql("Host=localhost;Database=onestop_design")
            .UseApplicationServiceProvider(DesignTimeServices.Provider).Options);
}

// Identity shapes its tables from IdentityOptions (the passkeys table comes with schema version 3),
// which it reads from the application's services; at design time there are none, so give it ours.
internal static class DesignTimeServices
{
    public static readonly IServiceProvider Provider = new ServiceCollection()
        .Configure<IdentityOptions>(OneStop.Identity.IdentitySetup.ConfigureStores)
        .BuildServiceProvider();
}
