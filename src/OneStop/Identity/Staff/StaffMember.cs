using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Identity.Staff;

/// <summary>
/// What a member of staff may do. Within a department the roles are ordered: a supervisor can do what an
/// officer can, a department administrator what a supervisor can. A platform administrator stands
/// outside every department: they run the platform (departments, staff, OIDC clients) and see no
/// department's records.
/// </summary>
public enum StaffRole
{
    Officer = 1,
    Supervisor = 2,
    DepartmentAdmin = 3,
    PlatformAdmin = 10,
}

public static class StaffRoles
{
    public static readonly StaffRole[] All = [StaffRole.Officer, StaffRole.Supervisor, StaffRole.DepartmentAdmin, StaffRole.PlatformAdmin];

    /// <summary>The role's name in claims, the CLI, URLs and the database.</summary>
    public static string Name(this StaffRole role) => role switch
    {
        StaffRole.Officer => "officer",
        StaffRole.Supervisor => "supervisor",
        StaffRole.DepartmentAdmin => "department-admin",
        _ => "platform-admin",
    };

    public static StaffRole? Parse(string? name)
    {
        var wanted = name?.Trim().ToLowerInvariant();
        foreach (var role in All) if (role.Name() == wanted) return role;
        return null;
    }

    /// <summary>Officers, supervisors and department administrators belong to exactly one department; platform administrators to none.</summary>
    public static bool HasDepartment(this StaffRole role) => role != StaffRole.PlatformAdmin;

    /// <summary>Whether someone in <paramref name="role"/> may do what <paramref name="required"/> may.</summary>
    public static bool Includes(this StaffRole role, StaffRole required) =>
        required == StaffRole.PlatformAdmin ? role == StaffRole.PlatformAdmin
        : role.HasDepartment() && role >= required;
}

/// <summary>One person's place on the staff: their role and, except for platform administrators, their department.</summary>
public sealed class StaffMember
{
    /// <summary>The OneStop ID account; one row per person.</summary>
    public Guid UserId { get; set; }
    public StaffRole Role { get; set; }

    /// <summary>A catalogue department's code (TD, FEHD…); null for platform administrators.</summary>
    public string? DepartmentCode { get; set; }

    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers", t =>
            t.HasCheckConstraint("CK_StaffMembers_Department", "(\"Role\" = 'platform-admin') = (\"DepartmentCode\" IS NULL)"));
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.Role).HasMaxLength(32)
            .HasConversion(r => r.Name(), s => StaffRoles.Parse(s) ?? StaffRole.Officer);
        builder.Property(s => s.DepartmentCode).HasMaxLength(16);
        builder.HasIndex(s => s.DepartmentCode);
        // Closing an account ends its staff membership with it.
        builder.HasOne<OneStopUser>().WithOne().HasForeignKey<StaffMember>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
