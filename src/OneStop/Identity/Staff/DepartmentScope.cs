using System.Linq.Expressions;
using System.Security.Claims;

namespace OneStop.Identity.Staff;

/// <summary>
/// Scopes a query to the caller's department. Every departmental query goes through it, so a record
/// of another department is simply not found (404) rather than refused (403), which would confirm
/// that it exists. A caller without a department (a platform administrator, the public) finds nothing.
/// </summary>
public static class DepartmentScope
{
    public static IQueryable<T> InDepartmentOf<T>(this IQueryable<T> query, ClaimsPrincipal user, Expression<Func<T, string>> departmentCode)
    {
        if (user.StaffDepartment() is not { } code) return query.Where(_ => false);
        // Through a member access rather than a constant, so the code is sent as a parameter.
        var value = Expression.Property(Expression.Constant(new Scope(code)), nameof(Scope.Code));
        var matches = Expression.Lambda<Func<T, bool>>(Expression.Equal(departmentCode.Body, value), departmentCode.Parameters);
        return query.Where(matches);
    }

    private sealed record Scope(string Code);
}
