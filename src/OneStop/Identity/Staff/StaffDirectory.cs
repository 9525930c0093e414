using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Staff;

/// <summary>Audit event names for staff changes; the activity page shows them as <c>audit.{event}</c>.</summary>
public static class StaffEvents
{
    public const string Added = "staff.added";
    public const string Changed = "staff.changed";
    public const string Removed = "staff.removed";
    /// <summary>An account was created for a new member of staff, who chooses a password from a link.</summary>
    public const string AccountCreated = "staff.account-created";
}

/// <summary>Why a staff change was refused; each has a message <c>staff.error.{kebab name}</c>.</summary>
public enum StaffError { None, EmailInvalid, DepartmentRequired, DepartmentNotAllowed, DepartmentUnknown, AlreadyStaff, NotStaff, LastPlatformAdmin }

public sealed record StaffListing(Guid UserId, string Email, StaffRole Role, string? DepartmentCode);

/// <summary>The outcome of adding someone: <see cref="SetPasswordPath"/> is set when their account was created for them.</summary>
public sealed record StaffAdded(StaffError Error, OneStopUser? User = null, string? SetPasswordPath = null)
{
    public bool Succeeded => Error == StaffError.None;
}

/// <summary>
/// Who is on the staff, and the changes platform administrators make to it, from the back office and
/// the CLI alike. Every change is audited with the change itself.
/// </summary>
public sealed class StaffDirectory(OneStopDb db, UserManager<OneStopUser> users, AuditLog audit, TimeProvider clock)
{
    public static string ErrorKey(StaffError error) => "staff.error." + error switch
    {
        StaffError.EmailInvalid => "email-invalid",
        StaffError.DepartmentRequired => "department-required",
        StaffError.DepartmentNotAllowed => "department-not-allowed",
        StaffError.DepartmentUnknown => "department-unknown",
        StaffError.AlreadyStaff => "already-staff",
        StaffError.NotStaff => "not-staff",
        _ => "last-platform-admin",
    };

    public async Task<IReadOnlyList<StaffListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (from s in db.Set<StaffMember>().AsNoTracking()
                          join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                          select new { s.UserId, u.Email, s.Role, s.DepartmentCode }).ToListAsync(cancellationToken);
        // Sorted here: the role is stored as text, and its order is the enum's.
        return rows.Select(r => new StaffListing(r.UserId, r.Email ?? "", r.Role, r.DepartmentCode))
            .OrderBy(r => r.DepartmentCode ?? "", StringComparer.Ordinal).ThenByDescending(r => r.Role).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<StaffListing?> FindAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var row = await (from s in db.Set<StaffMember>().AsNoTracking()
                         join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                         where s.UserId == userId
                         select new { s.UserId, u.Email, s.Role, s.DepartmentCode }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StaffListing(row.UserId, row.Email ?? "", row.Role, row.DepartmentCode);
    }

    public async Task<StaffListing?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        await users.FindByEmailAsync(email.Trim()) is { } user ? await FindAsync(user.Id, cancellationToken) : null;

    /// <summary>
    /// Puts the person with this email on the staff. Without an account, one is created with no password
    /// and a confirmed address: the set-password link (a password-reset token, valid once and for a day)
    /// goes only to that address, so using it proves the address.
    /// </summary>
    public async Task<StaffAdded> AddAsync(string? email, StaffRole role, string? department, Guid? actorId, CancellationToken cancellationToken = default)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email)) return new(StaffError.EmailInvalid);
        var (error, code) = await CheckDepartmentAsync(role, department, cancellationToken);
        if (error != StaffError.None) return new(error);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(email);
        string? setPasswordPath = null;
        if (user is null)
        {
            user = new OneStopUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return new(StaffError.EmailInvalid);
            audit.Record(StaffEvents.AccountCreated, actorId, user.Id, "account", user.Id.ToString(), departmentCode: code);
            setPasswordPath = $"/account/reset-password?user={user.Id}&code={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync(user))}";
        }
        else if (await db.Set<StaffMember>().AnyAsync(s => s.UserId == user.Id, cancellationToken))
        {
            return new(StaffError.AlreadyStaff);
        }

        var now = clock.GetUtcNow();
        db.Set<StaffMember>().Add(new StaffMember { UserId = user.Id, Role = role, DepartmentCode = code, AddedAt = now, UpdatedAt = now });
        audit.Record(StaffEvents.Added, actorId, user.Id, "staff", user.Id.ToString(), Detail(role, code), code);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(StaffError.None, user, setPasswordPath);
    }

    public async Task<StaffError> ChangeAsync(Guid userId, StaffRole role, string? department, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var member = await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (member is null) return StaffError.NotStaff;
        var (error, code) = await CheckDepartmentAsync(role, department, cancellationToken);
        if (error != StaffError.None) return error;
        if (member.Role == StaffRole.PlatformAdmin && role != StaffRole.PlatformAdmin && await IsLastPlatformAdminAsync(cancellationToken))
            return StaffError.LastPlatformAdmin;
        if (member.Role == role && member.DepartmentCode == code) return StaffError.None;

        var before = Detail(member.Role, member.DepartmentCode);
        (member.Role, member.DepartmentCode, member.UpdatedAt) = (role, code, clock.GetUtcNow());
        audit.Record(StaffEvents.Changed, actorId, userId, "staff", userId.ToString(), $"{before} -> {Detail(role, code)}", code);
        await db.SaveChangesAsync(cancellationToken);
        return StaffError.None;
    }

    /// <summary>Takes the person off the staff; their OneStop ID account stays, as a citizen's.</summary>
    public async Task<StaffError> RemoveAsync(Guid userId, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var member = await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (member is null) return StaffError.NotStaff;
        if (member.Role == StaffRole.PlatformAdmin && await IsLastPlatformAdminAsync(cancellationToken)) return StaffError.LastPlatformAdmin;
        db.Set<StaffMember>().Remove(member);
        audit.Record(StaffEvents.Removed, actorId, userId, "staff", userId.ToString(), Detail(member.Role, member.DepartmentCode), member.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        return StaffError.None;
    }

    private async Task<(StaffError, string?)> CheckDepartmentAsync(StaffRole role, string? department, CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(department) ? null : department.Trim().ToUpperInvariant();
        if (!role.HasDepartment()) return code is null ? (StaffError.None, null) : (StaffError.DepartmentNotAllowed, null);
        if (code is null) return (StaffError.DepartmentRequired, null);
        return await db.Departments.AnyAsync(d => d.Code == code, cancellationToken) ? (StaffError.None, code) : (StaffError.DepartmentUnknown, null);
    }

    // The platform must keep someone who can manage it.
    private async Task<bool> IsLastPlatformAdminAsync(CancellationToken cancellationToken) =>
        await db.Set<StaffMember>().CountAsync(s => s.Role == StaffRole.PlatformAdmin, cancellationToken) <= 1;

    private static string Detail(StaffRole role, string? department) => department is null ? role.Name() : $"{role.Name()}@{department}";
}
