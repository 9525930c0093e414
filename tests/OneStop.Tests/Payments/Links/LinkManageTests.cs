using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Payments.Links;
using OneStop.Tests.Office;

namespace OneStop.Tests.Payments.Links;

/// <summary>Department administrators keep their own department's payment items at /office/payments/links, and only those.</summary>
public sealed class LinkManageTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Dictionary<string, string> Item(string code) => new()
    {
        ["Code"] = code,
        ["TitleEn"] = "Fixed penalty ticket", ["TitleZhHk"] = "定額罰款通知書", ["TitleZhCn"] = "定额罚款通知书",
        ["DescriptionEn"] = "Pay a parking ticket.", ["DescriptionZhHk"] = "繳付泊車告票。", ["DescriptionZhCn"] = "缴付泊车告票。",
        ["Amount"] = "400",
        ["ReferenceLabelEn"] = "Ticket number", ["ReferenceLabelZhHk"] = "告票號碼", ["ReferenceLabelZhCn"] = "告票号码",
        ["ReferencePattern"] = @"[A-Z]{2}\d{8}",
    };

    private Task<PaymentLinkItem?> FindAsync(string code) =>
        _app.QueryAsync(db => db.Set<PaymentLinkItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, Cancel));

    [Fact]
    public async Task Add_ValidItem_ListedForTheDepartmentAndPayableByThePublic()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var code = LinkSteps.NewCode("td");

        using var added = await admin.SubmitAsync("/office/payments/links/add", Item(code));

        Assert.Equal("/office/payments/links", added.Location());
        var (_, list) = await admin.GetPageAsync("/office/payments/links");
        Assert.NotNull(list.QuerySelector(".govuk-notification-banner--success"));
        Assert.Contains("HK$400.00", list.QuerySelector($"[data-item='{code}']")!.TextContent);
        var item = (await FindAsync(code))!;
        Assert.Equal(("TD", 400m, true, "告票號碼"), (item.DepartmentCode, item.Amount, item.Active, item.ReferenceLabel.ZhHk));
        var (status, pay) = await _app.NewBrowser().GetPageAsync($"/pay/{code}");
        Assert.Equal(200, status);
        Assert.Equal("HK$400.00", pay.QuerySelector("[data-amount]")!.TextContent.Trim());
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Event == LinkAuditEvents.Added && e.TargetId == code && e.DepartmentCode == "TD", Cancel)));
    }

    [Fact]
    public async Task Add_BrokenPatternMissingChineseAndBadAmount_ErrorsAndKeepsWhatWasTyped()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var code = LinkSteps.NewCode("td");
        var fields = Item(code);
        fields["TitleZhCn"] = " ";
        fields["Amount"] = "12.345";
        fields["ReferencePattern"] = "[A-Z";

        using var response = await admin.SubmitAsync("/office/payments/links/add", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(["Enter the title in Simplified Chinese", "Enter an amount from HK$0.01 to HK$1,000,000, with no more than 2 decimal places",
            "Enter a reference pattern that is a valid regular expression"], page.ErrorSummary());
        Assert.Equal("[A-Z", page.QuerySelector("input#ReferencePattern")!.GetAttribute("value"));
        Assert.Equal("12.345", page.QuerySelector("input#Amount")!.GetAttribute("value"));
        Assert.Null(await FindAsync(code));
    }

    [Fact]
    public async Task Add_CodeOfAnotherDepartmentsItem_Refused()
    {
        var theirs = await _app.ItemAsync(department: "WSD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var response = await admin.SubmitAsync("/office/payments/links/add", Item(theirs.Code));

        Assert.Equal(["Another payment item already has this code"], (await response.ReadPageAsync()).ErrorSummary());
        Assert.Equal("WSD", (await FindAsync(theirs.Code))!.DepartmentCode);
    }

    [Fact]
    public async Task Edit_OwnItem_NewAmountAndPattern_PaymentsTakeTheNewAmount()
    {
        var item = await _app.ItemAsync(department: "TD", amount: 320m);
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var fields = Item(item.Code);
        fields.Remove("Code");
        fields["Amount"] = "450.50";

        using var saved = await admin.SubmitAsync($"/office/payments/links/{item.Code}", fields);

        Assert.Equal("/office/payments/links", saved.Location());
        var changed = (await FindAsync(item.Code))!;
        Assert.Equal((450.50m, @"[A-Z]{2}\d{8}", "Fixed penalty ticket"), (changed.Amount, changed.ReferencePattern, changed.Title.En));
        var (_, pay) = await _app.NewBrowser().GetPageAsync($"/pay/{item.Code}");
        Assert.Equal("HK$450.50", pay.QuerySelector("[data-amount]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Deactivate_TakesTheItemOffThePublicList_ActivatePutsItBack()
    {
        var item = await _app.ItemAsync(department: "TD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var deactivated = await admin.SubmitAsync($"/office/payments/links/{item.Code}", new Dictionary<string, string>(), "Deactivate");
        var (_, listed) = await _app.NewBrowser().GetPageAsync("/pay");
        using var closed = await _app.NewBrowser().GetAsync($"/pay/{item.Code}", Cancel);
        using var activated = await admin.SubmitAsync($"/office/payments/links/{item.Code}", new Dictionary<string, string>(), "Activate");

        Assert.Equal("/office/payments/links", deactivated.Location());
        Assert.Null(listed.QuerySelector($"[data-item='{item.Code}']"));
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.True((await FindAsync(item.Code))!.Active);
        Assert.Equal([LinkAuditEvents.Deactivated, LinkAuditEvents.Activated],
            await _app.QueryAsync(db => db.AuditEntries.Where(e => e.TargetId == item.Code).OrderBy(e => e.Id).Select(e => e.Event).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task OtherDepartmentsItem_NotListedAndAnswers404()
    {
        var theirs = await _app.ItemAsync(department: "WSD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var token = await admin.TokenAsync();

        var (_, list) = await admin.GetPageAsync("/office/payments/links");
        using var get = await admin.GetAsync($"/office/payments/links/{theirs.Code}", Cancel);
        using var post = await admin.PostFormAsync($"/office/payments/links/{theirs.Code}?handler=Deactivate", token);

        Assert.Null(list.QuerySelector($"[data-item='{theirs.Code}']"));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True((await FindAsync(theirs.Code))!.Active);
    }
}
