using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Identity;
using OneStop.Platform.Audit;

namespace OneStop.Platform.Database;

/// <summary>
/// The one DbContext of the app. Each module contributes its entities and configurations. It is an
/// Identity context because accounts, their roles and passkeys are ordinary rows of this database.
/// </summary>
public class OneStopDb(DbContextOptions options)
    : IdentityDbContext<OneStopUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<CatalogueRevision> CatalogueRevisions => Set<CatalogueRevision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Shared by every node, so a cookie or token protected on one can be read on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneStopDb).Assembly);
    }
}

/// <summary>
/// Provider-specific subclasses exist only so that each provider keeps its own migrations set;
/// the model is the base class's. The app resolves <see cref="OneStopDb"/>.
/// </summary>
public sealed class SqliteOneStopDb(DbContextOptions<SqliteOneStopDb> options) : OneStopDb(options);

/// <inheritdoc cref="SqliteOneStopDb"/>
public sealed class PostgresOneStopDb(DbContextOptions<PostgresOneStopDb> options) : OneStopDb(options);
