using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;

namespace OneStop.Tests.Office;

/// <summary>Platform administrators add, change and remove staff in the back office; every change is audited.</summary>
public sealed class StaffManagementTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    private Task<List<(string Event, Guid? Actor, string? Detail)>> AuditOfAsync(Guid subject) =>
        _app.QueryAsync(async db => (await db.AuditEntries.Where(e => e.SubjectId == subject && e.Event.StartsWith("staff."))
            .OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken)).Select(e => (e.Event, e.ActorId, e.Detail)).ToList());

    [Fact]
    public async Task AddStaff_ExistingAccount_IsListedWithItsRoleAndAudited()
    {
        var (admin, adminEmail) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var email = await _app.NewAccountAsync();

        using var response = await admin.SubmitAsync("/office/staff/add", new Dictionary<string, string> { ["Email"] = email, ["Role"] = "supervisor", ["Department"] = "TD" });

        Assert.Equal("/office/staff", response.Location());
        var (_, list) = await admin.GetPageAsync("/office/staff");
        Assert.Contains("The person has been added to the staff.", list.QuerySelector(".govuk-notification-banner")!.TextContent);
        var row = list.QuerySelector($"tr[data-staff='{email}']")!;
        Assert.Equal(["Supervisor", "TD"], row.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.Equal([(StaffEvents.Added, await _app.UserIdAsync(adminEmail), "supervisor@TD")], await AuditOfAsync(await _app.UserIdAsync(email)));
        Assert.Empty(_app.To(email));
    }

    [Fact]
    public async Task AddStaff_NewEmail_CreatesTheAccountAndEmailsALinkToChooseAPassword()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var email = Accounts.NewEmail();

        using var response = await admin.SubmitAsync("/zh-hk/office/staff/add", new Dictionary<string, string> { ["Email"] = email, ["Role"] = "officer", ["Department"] = "FEHD" });

        Assert.Equal("/zh-hk/office/staff", response.Location());
        var mail = _app.LastMailTo(email);
        Assert.Equal("You have been added to the OneStop back office", mail.Subject);
        var newcomer = _app.NewBrowser();
        using var reset = await newcomer.SubmitAsync(mail.Link(), new Dictionary<string, string> { ["Password"] = Accounts.Password, ["ConfirmPassword"] = Accounts.Password });
        Assert.StartsWith("/account/sign-in", reset.Location());
        using var signedIn = await newcomer.SignInAsync(email);
        Assert.Equal("/account", signedIn.Location());
        // No second factor yet: the back office sends them to set one up.
        using var office = await newcomer.GetAsync("/office", TestContext.Current.CancellationToken);
        Assert.Equal("second-factor", office.Outcome());
        Assert.Equal([StaffEvents.AccountCreated, StaffEvents.Added], (await AuditOfAsync(await _app.UserIdAsync(email))).Select(a => a.Event));
    }

    [Fact]
    public async Task AddStaff_OfficerWithoutADepartment_ShowsTheErrorAndKeepsTheEmail()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var email = await _app.NewAccountAsync();

        using var response = await admin.SubmitAsync("/office/staff/add", new Dictionary<string, string> { ["Email"] = email, ["Role"] = "officer", ["Department"] = "" });
        var page = await response.ReadPageAsync();

        Assert.Equal(["Choose the department this person works in"], page.ErrorSummary());
        Assert.Equal("#Department", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal(email, page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name=Role][value=officer]")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task ChangeStaff_OfficerPromotedToDepartmentAdmin_CanEditServicesAtOnce()
    {
        var (admin, adminEmail) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var (officer, officerEmail) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");
        var slug = await _app.AServiceOfAsync("TD");
        using (var before = await officer.GetAsync($"/office/services/{slug}", TestContext.Current.CancellationToken))
            Assert.Equal("forbidden", before.Outcome());
        var id = await _app.UserIdAsync(officerEmail);

        using var response = await admin.SubmitAsync($"/office/staff/{id}", new Dictionary<string, string> { ["Role"] = "department-admin", ["Department"] = "TD" });

        Assert.Equal("/office/staff", response.Location());
        var (status, _) = await officer.GetTextAsync($"/office/services/{slug}");
        Assert.Equal(200, status);
        Assert.Equal([(StaffEvents.Added, null, "officer@TD"), (StaffEvents.Changed, await _app.UserIdAsync(adminEmail), "officer@TD -> department-admin@TD")],
            await AuditOfAsync(id));
    }

    [Fact]
    public async Task RemoveStaff_Officer_LosesTheBackOfficeKeepsTheAccountAndIsAudited()
    {
        var (admin, adminEmail) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var (officer, officerEmail) = await _app.SignedInStaffAsync(StaffRole.Officer, "FEHD");
        var id = await _app.UserIdAsync(officerEmail);
        var (_, edit) = await admin.GetPageAsync($"/office/staff/{id}");

        using var response = await admin.SubmitAsync(edit, $"/office/staff/{id}", new Dictionary<string, string>(), "Remove");

        Assert.Equal("/office/staff", response.Location());
        var (_, list) = await admin.GetPageAsync("/office/staff");
        Assert.Null(list.QuerySelector($"tr[data-staff='{officerEmail}']"));
        using var office = await officer.GetAsync("/office", TestContext.Current.CancellationToken);
        Assert.Equal("forbidden", office.Outcome());
        Assert.Equal(200, (await officer.GetTextAsync("/account")).Status);
        Assert.Equal((StaffEvents.Removed, await _app.UserIdAsync(adminEmail), "officer@FEHD"), (await AuditOfAsync(id)).Last());
    }

    [Fact]
    public async Task RemoveStaff_TheLastPlatformAdministrator_IsRefused()
    {
        var (admin, adminEmail) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var id = await _app.UserIdAsync(adminEmail);
        var (_, edit) = await admin.GetPageAsync($"/office/staff/{id}");

        using var response = await admin.SubmitAsync(edit, $"/office/staff/{id}", new Dictionary<string, string>(), "Remove");
        var page = await response.ReadPageAsync();

        Assert.Equal(["This is the last platform administrator. Add another one first"], page.ErrorSummary());
        Assert.Equal(200, (await admin.GetTextAsync("/office/staff")).Status);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
