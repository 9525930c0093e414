using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Staff;

/// <summary>The role radios and department select shared by the add and change pages; rendered by _RoleFields.</summary>
public sealed record RoleFields(string? Role, string? Department, IReadOnlyList<(string Code, LocalisedText Name)> Departments,
    string? RoleError, string? DepartmentError)
{
    public static async Task<IReadOnlyList<(string Code, LocalisedText Name)>> DepartmentsAsync(OneStopDb db, CancellationToken cancellationToken) =>
        (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken))
            .Select(d => (d.Code, d.Name)).ToList();

    /// <summary>The page field each refusal belongs to, so the error summary links to it.</summary>
    public static string FieldOf(StaffError error) => error switch
    {
        StaffError.EmailInvalid or StaffError.AlreadyStaff => "Email",
        StaffError.DepartmentRequired or StaffError.DepartmentNotAllowed or StaffError.DepartmentUnknown => "Department",
        _ => "Role",
    };
}
