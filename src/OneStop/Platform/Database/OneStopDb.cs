using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;

namespace OneStop.Platform.Database;

/// <summary>The one DbContext of the app. Each module contributes its entities and configurations.</summary>
public class OneStopDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<CatalogueRevision> CatalogueRevisions => Set<CatalogueRevision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneStopDb).Assembly);
}

/// <summary>
/// Provider-specific subclasses exist only so that each provider keeps its own migrations set;
/// the model is the base class's. The app resolves <see cref="OneStopDb"/>.
/// </summary>
public sealed class SqliteOneStopDb(DbContextOptions<SqliteOneStopDb> options) : OneStopDb(options);

/// <inheritdoc cref="SqliteOneStopDb"/>
public sealed class PostgresOneStopDb(DbContextOptions<PostgresOneStopDb> options) : OneStopDb(options);
