using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Platform.Audit;
using OneStop.Tests.Office;

namespace OneStop.Tests.Notifications;

/// <summary>Department administrators and platform administrators edit the wording; sending uses it.</summary>
public sealed class TemplateEditingTests(SqliteNotificationsFixture fixture) : IClassFixture<SqliteNotificationsFixture>
{
    private NotificationsApp App => fixture.App;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Wording(string subject, string body = "Good news about {reference}.", string sms = "Approved: {reference}") =>
        new() { ["Subject"] = subject, ["Body"] = body, ["Sms"] = sms };

    [Fact]
    public async Task Edit_DepartmentOverride_IsUsedForThatDepartmentOnly()
    {
        var (admin, _) = await App.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");
        var (id, email) = await App.CitizenAsync();

        using var saved = await admin.SubmitAsync("/office/notifications/case.approved/en", Wording("FEHD approved {reference} for {service}"));
        await App.EnqueueAsync(NotificationSteps.Request(id, department: "FEHD"), NotificationSteps.Request(id, department: "TD"));
        await App.RunOutboxAsync();

        Assert.Equal("/office/notifications", saved.Location());
        var subjects = App.To(email).Select(m => m.Subject).Order().ToArray();
        Assert.Equal(["FEHD approved TD-2026-000042 for Renew a driving licence", "Your application TD-2026-000042 has been approved"], subjects);
        var (_, list) = await admin.GetPageAsync("/office/notifications");
        Assert.Equal("true", list.QuerySelector("[data-event='case.approved'] [data-language='en']")!.GetAttribute("data-own"));
        Assert.Equal("false", list.QuerySelector("[data-event='case.approved'] [data-language='zh-HK']")!.GetAttribute("data-own"));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(e => e.Event == NotificationAuditEvents.TemplateEdited && e.DepartmentCode == "FEHD").ToListAsync(Cancel));
        Assert.Contains(audit, e => e.TargetId == "FEHD:case.approved:en");
    }

    [Fact]
    public async Task Edit_UnknownPlaceholder_IsRefusedAndNothingSaved()
    {
        var (admin, _) = await App.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var response = await admin.SubmitAsync("/office/notifications/case.withdrawn/zh-HK",
            Wording("你的申請 {reference}", body: "親愛的 {applicant}，你的申請已撤回。"));
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var error = Assert.Single(page.ErrorSummary());
        Assert.Contains("{applicant}", error);
        Assert.Equal("親愛的 {applicant}，你的申請已撤回。", page.QuerySelector("textarea[name=Body]")!.TextContent);
        Assert.False(await App.QueryAsync(db => db.Set<NotificationTemplate>().AnyAsync(t => t.DepartmentCode == "TD" && t.Event == "case.withdrawn", Cancel)));
    }

    [Fact]
    public async Task Preview_FillsSampleValuesWithoutSaving()
    {
        var (admin, _) = await App.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        const string url = "/office/notifications/case.moved/zh-CN";
        var token = await admin.TokenAsync(url);

        using var response = await admin.PostFormAsync(url + "?handler=Preview", token,
            ("Subject", "申请 {reference}：{state}"), ("Body", "状况：{state}"), ("Sms", "{reference} {state}"));
        var page = await response.ReadPageAsync();

        Assert.Equal("申请 TD-2026-000123：审核中", page.QuerySelector("[data-preview-subject]")!.TextContent.Trim());
        Assert.Equal("TD-2026-000123 审核中", page.QuerySelector("[data-preview-sms]")!.TextContent.Trim());
        Assert.False(await App.QueryAsync(db => db.Set<NotificationTemplate>().AnyAsync(t => t.DepartmentCode == "TD" && t.Event == "case.moved", Cancel)));
    }

    [Fact]
    public async Task Reset_DepartmentOverride_GoesBackToTheDefault()
    {
        var (admin, _) = await App.SignedInStaffAsync(StaffRole.DepartmentAdmin, "IMMD");
        const string url = "/office/notifications/case.resubmitted/en";
        using (await admin.SubmitAsync(url, Wording("IMMD got it: {reference}"))) { }

        var (_, page) = await admin.GetPageAsync(url);
        using var reset = await admin.SubmitAsync(page, url, new Dictionary<string, string>(), handler: "Reset");
        var (_, after) = await admin.GetPageAsync(url);

        Assert.Equal("department", page.QuerySelector("[data-source]")!.GetAttribute("data-source"));
        Assert.Equal("/office/notifications", reset.Location());
        Assert.Equal("builtin", after.QuerySelector("[data-source]")!.GetAttribute("data-source"));
        Assert.Equal("We have received your information for {reference}", after.QuerySelector("input[name=Subject]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EditDefault_PlatformAdmin_ChangesWhatDepartmentsWithoutTheirOwnSend()
    {
        var (platform, _) = await App.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var (id, email) = await App.CitizenAsync(OneStop.Platform.Localisation.Language.ZhHk);

        using var saved = await platform.SubmitAsync("/office/notifications/defaults/case.escalated/zh-HK",
            Wording("請跟進個案 {reference}", "個案 {reference} 需要你跟進。", "跟進 {reference}"));
        await App.EnqueueAsync(NotificationSteps.Request(id, "case.escalated", department: "LD"));
        await App.RunOutboxAsync();

        Assert.Equal("/office/notifications/defaults", saved.Location());
        var mail = Assert.Single(App.To(email));
        Assert.Equal("請跟進個案 TD-2026-000042", mail.Subject);
        Assert.StartsWith("個案 TD-2026-000042 需要你跟進。", mail.Text());
        var (_, list) = await platform.GetPageAsync("/office/notifications/defaults");
        Assert.Equal("true", list.QuerySelector("[data-event='case.escalated'] [data-language='zh-HK']")!.GetAttribute("data-own"));
    }

    [Theory]
    [InlineData("/office/notifications/case.unknown/en")]
    [InlineData("/office/notifications/case.approved/fr")]
    [InlineData("/office/notifications/case.approved/zh-hant")]
    public async Task Edit_UnknownEventOrLanguage_IsNotFound(string url)
    {
        var (admin, _) = await App.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        var (status, _) = await admin.GetTextAsync(url);

        Assert.Equal(404, status);
    }
}
