using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Office;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;

namespace OneStop.Tests.Office;

/// <summary>Platform administrators add departments and change their names and contacts; the public pages follow at once.</summary>
public sealed class DepartmentManagementTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    private Task<List<(string Event, Guid? Actor, string? Detail, string? Department)>> AuditOfAsync(string code) =>
        _app.QueryAsync(async db => (await db.AuditEntries.Where(e => e.TargetType == "department" && e.TargetId == code)
            .OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken)).Select(e => (e.Event, e.ActorId, e.Detail, e.DepartmentCode)).ToList());

    private static Dictionary<string, string> NewDepartment(string code) => new()
    {
        ["Code"] = code, ["NameEn"] = "Lighthouse Department", ["NameZhHk"] = "燈塔署", ["NameZhCn"] = "灯塔署",
        ["Email"] = "enquiry@lighthouse.example.gov.hk", ["Phone"] = "2345 6789", ["Website"] = "https://lighthouse.example.gov.hk",
    };

    [Fact]
    public async Task AddDepartment_ValidDetails_IsPublicCanBeChosenForStaffAndIsAudited()
    {
        var (admin, adminEmail) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);

        using var response = await admin.SubmitAsync("/office/departments/add", NewDepartment(" lhd "));

        Assert.Equal("/office/departments", response.Location());
        var (_, list) = await admin.GetPageAsync("/office/departments");
        Assert.Contains("The department has been added.", list.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("/office/departments/LHD/change", list.QuerySelector("tr[data-department='LHD'] a[href^='/office/departments/']")!.GetAttribute("href"));
        var (_, departments) = await _app.NewBrowser().GetPageAsync("/departments");
        Assert.Equal("Lighthouse Department", departments.QuerySelector("a[href='/departments/lhd']")!.TextContent.Trim());
        var (status, page) = await _app.NewBrowser().GetPageAsync("/zh-cn/departments/lhd");
        Assert.Equal(200, status);
        Assert.Equal("灯塔署", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("enquiry@lighthouse.example.gov.hk", page.QuerySelector(".govuk-summary-list")!.TextContent);
        var (_, staffForm) = await admin.GetPageAsync("/office/staff/add");
        Assert.NotNull(staffForm.QuerySelector("#Department option[value='LHD']"));
        var email = await _app.NewAccountAsync();
        using var added = await admin.SubmitAsync("/office/staff/add", new Dictionary<string, string> { ["Email"] = email, ["Role"] = "officer", ["Department"] = "LHD" });
        Assert.Equal("/office/staff", added.Location());
        Assert.Equal([(OfficeEvents.DepartmentAdded, await _app.UserIdAsync(adminEmail), (string?)null, "LHD")], await AuditOfAsync("LHD"));
    }

    [Fact]
    public async Task EditDepartment_TraditionalChineseName_IsShownOnThePublicPageAndAudited()
    {
        var (admin, adminEmail) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var (status, form) = await admin.GetPageAsync("/office/departments/TD/change");
        Assert.Equal(200, status);
        Assert.Null(form.QuerySelector("form[method=post] input[name=Code]"));
        var fields = form.QuerySelectorAll("form[method=post] input:not([type=hidden])").ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? "");
        fields["NameZhHk"] = "運輸署（新名稱）";

        using var saved = await admin.SubmitAsync(form, "/office/departments/TD/change", fields);

        Assert.Equal("/office/departments", saved.Location());
        var (_, list) = await admin.GetPageAsync("/office/departments");
        Assert.Contains("The department has been changed.", list.QuerySelector(".govuk-notification-banner")!.TextContent);
        var (_, page) = await _app.NewBrowser().GetPageAsync("/zh-hk/departments/td");
        Assert.Equal("運輸署（新名稱）", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal([(OfficeEvents.DepartmentEdited, await _app.UserIdAsync(adminEmail), "name", "TD")], await AuditOfAsync("TD"));
    }

    [Fact]
    public async Task AddDepartment_DuplicateCodeMissingChineseNameAndHttpWebsite_ShowsErrorsAndKeepsTheInput()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var before = await _app.QueryAsync(db => db.Departments.CountAsync(TestContext.Current.CancellationToken));
        var fields = NewDepartment("td");
        fields["NameZhHk"] = " ";
        fields["Website"] = "http://lighthouse.example.gov.hk";

        using var response = await admin.SubmitAsync("/office/departments/add", fields);
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(["TD is already the code of a department", "Enter the name in Traditional Chinese", "Enter a website address starting with https://"],
            page.ErrorSummary());
        Assert.Equal("#Code", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("td", page.QuerySelector("#Code")!.GetAttribute("value"));
        Assert.Equal("Lighthouse Department", page.QuerySelector("#NameEn")!.GetAttribute("value"));
        Assert.Equal("http://lighthouse.example.gov.hk", page.QuerySelector("#Website")!.GetAttribute("value"));
        Assert.Equal(before, await _app.QueryAsync(db => db.Departments.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.TargetType == "department", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task EditDepartment_MissingSimplifiedNameAndBadEmail_ShowsErrorsInChineseAndChangesNothing()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var name = await _app.QueryAsync(db => db.Departments.Where(d => d.Code == "FEHD").Select(d => d.Name.ZhCn).SingleAsync(TestContext.Current.CancellationToken));

        using var response = await admin.SubmitAsync("/zh-hk/office/departments/FEHD/change", new Dictionary<string, string>
            { ["NameEn"] = "Food Department", ["NameZhHk"] = "食物署", ["NameZhCn"] = "", ["Email"] = "not-an-address" });
        var page = await response.ReadPageAsync();

        Assert.Equal(["請輸入簡體中文名稱", "請以正確格式輸入電郵地址，例如 name@example.gov.hk"], page.ErrorSummary());
        Assert.Equal("Food Department", page.QuerySelector("#NameEn")!.GetAttribute("value"));
        Assert.Equal("not-an-address", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal(name, await _app.QueryAsync(db => db.Departments.Where(d => d.Code == "FEHD").Select(d => d.Name.ZhCn).SingleAsync(TestContext.Current.CancellationToken)));
        Assert.Empty(await AuditOfAsync("FEHD"));
    }

    [Fact]
    public async Task EditDepartment_UnknownCode_IsNotFound()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);

        var (status, _) = await admin.GetTextAsync("/office/departments/NOPE/change");

        Assert.Equal(404, status);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
