using OneStop.Identity.Staff;

namespace OneStop.Tests.Identity.Staff;

/// <summary>The role hierarchy: within a department each role includes the ones below; platform administrators stand apart.</summary>
public sealed class StaffRolesTests
{
    [Theory]
    [InlineData(StaffRole.Officer, StaffRole.Officer, true)]
    [InlineData(StaffRole.Officer, StaffRole.Supervisor, false)]
    [InlineData(StaffRole.Officer, StaffRole.DepartmentAdmin, false)]
    [InlineData(StaffRole.Supervisor, StaffRole.Officer, true)]
    [InlineData(StaffRole.Supervisor, StaffRole.DepartmentAdmin, false)]
    [InlineData(StaffRole.DepartmentAdmin, StaffRole.Officer, true)]
    [InlineData(StaffRole.DepartmentAdmin, StaffRole.Supervisor, true)]
    [InlineData(StaffRole.DepartmentAdmin, StaffRole.PlatformAdmin, false)]
    [InlineData(StaffRole.PlatformAdmin, StaffRole.PlatformAdmin, true)]
    [InlineData(StaffRole.PlatformAdmin, StaffRole.Officer, false)]
    [InlineData(StaffRole.PlatformAdmin, StaffRole.DepartmentAdmin, false)]
    public void Includes_RolePairs_FollowTheHierarchy(StaffRole role, StaffRole required, bool expected) =>
        Assert.Equal(expected, role.Includes(required));

    [Theory]
    [InlineData("officer", StaffRole.Officer)]
    [InlineData(" Department-Admin ", StaffRole.DepartmentAdmin)]
    [InlineData("platform-admin", StaffRole.PlatformAdmin)]
    public void Parse_RoleNames_ReadBackTheRole(string name, StaffRole expected) => Assert.Equal(expected, StaffRoles.Parse(name));

    [Theory]
    [InlineData("admin")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_UnknownNames_AreNull(string? name) => Assert.Null(StaffRoles.Parse(name));
}
