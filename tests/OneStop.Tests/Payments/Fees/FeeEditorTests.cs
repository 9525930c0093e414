using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Staff;
using OneStop.Payments.Fees;
using OneStop.Tests.Office;
using static OneStop.Tests.Payments.Fees.FeeRulesTests;

namespace OneStop.Tests.Payments.Fees;

/// <summary>A department administrator prices their service in the back office, without JavaScript.</summary>
public abstract class FeeEditorTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A demo TD service whose form asks for the licence period (select) and the classes of vehicle (checkboxes).</summary>
    private const string Service = "renew-full-driving-licence";
    private const string Fees = $"/office/services/{Service}/fees";

    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<FeeDefinition?> StoredAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeeSchedules>().ForServiceAsync(Service, Cancel);
    }

    private static Dictionary<string, string> Named(string prefix, string en) =>
        new() { [prefix + "En"] = en, [prefix + "ZhHk"] = en + "（繁）", [prefix + "ZhCn"] = en + "（简）" };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Key, string Value)[] more)
    {
        foreach (var (key, value) in more) fields[key] = value;
        return fields;
    }

    [Fact]
    public async Task Editor_ItemsAndAConcessionAdded_SavedAndShownInWords()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var (_, empty) = await admin.GetPageAsync(Fees);
        Assert.NotNull(empty.QuerySelector("[data-no-fees]"));

        using (var tenYear = await admin.SubmitAsync($"{Fees}/items", With(Named("Name", "Ten-year licence"),
                   ("Id", "ten-year"), ("Kind", "fixed"), ("Amount", "900"),
                   ("WhenMode", "builder"), ("WhenCombine", "all"), ("WhenRows[0].Field", "period"), ("WhenRows[0].Test", "equals"), ("WhenRows[0].Value", "ten"))))
            Assert.EndsWith(Fees, tenYear.Location());
        using (var classes = await admin.SubmitAsync($"{Fees}/items", With(Named("Name", "Class endorsement"),
                   ("Id", "classes"), ("Kind", "perUnit"), ("UnitAmount", "HK$ 40.50"), ("QuantityFrom", "classes"), ("MaxQuantity", "3"), ("WhenMode", "none"))))
            Assert.EndsWith(Fees, classes.Location());
        using (var senior = await admin.SubmitAsync($"{Fees}/concessions", With(Named("Name", "Senior"),
                   ("Id", "senior"), ("PercentOff", "50"), ("Items", "ten-year"), ("WhenMode", "age"), ("WhenAge", "65"))))
            Assert.EndsWith(Fees, senior.Location());

        var stored = await StoredAsync();
        Assert.Equal(["ten-year", "classes"], stored!.Items.Select(i => i.Id));
        Assert.Equal((900m, 40.50m, "classes", 3), (stored.Items[0].Amount, stored.Items[1].UnitAmount, stored.Items[1].QuantityFrom, stored.Items[1].MaxQuantity));
        var concession = Assert.Single(stored.Concessions);
        Assert.Equal(FeeRules.ProfileAge, Assert.Single(concession.When.Fields()));
        Assert.Equal(531m, FeeRules.Quote(stored, Forms.TestForms.Answers(("period", "ten"), ("classes", new System.Text.Json.Nodes.JsonArray("1", "2"))), new PayerFacts(70), new DateOnly(2026, 3, 15)).Total);
        Assert.Equal(3, await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Event == "payment.fees-changed" && e.TargetId == Service, Cancel)));

        var (_, page) = await admin.GetPageAsync(Fees);
        Assert.Equal("HK$900.00", page.QuerySelector("[data-item=ten-year] [data-pricing]")!.TextContent.Trim());
        Assert.Equal("HK$40.50 for each unit of ‘Which classes of vehicle does your licence cover?’ (classes) (at most 3)",
            page.QuerySelector("[data-item=classes] [data-pricing]")!.TextContent.Trim());
        Assert.Contains("How long should the new licence last?", page.QuerySelector("[data-item=ten-year]")!.TextContent);
        Assert.Equal("the applicant's age (from their verified date of birth) is at least 65", page.QuerySelector("[data-concession=senior] [data-condition]")!.TextContent.Trim());
        Assert.Equal("submission", page.QuerySelector("[data-when]")!.GetAttribute("data-when"));
    }

    [Fact]
    public async Task Editor_TimingAndRefundChanged_Saved()
    {
        await _app.SetFeesAsync(Flat, Service, "TD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var (_, page) = await admin.GetPageAsync(Fees);
        foreach (var other in page.QuerySelectorAll("main form").Where(f => f.QuerySelector("[name=When]") is null).ToList()) other.Remove();

        using var saved = await admin.SubmitAsync(page, Fees, new Dictionary<string, string> { ["When"] = "approval", ["RefundOnRejection"] = "true" });

        Assert.EndsWith(Fees, saved.Location());
        var stored = await StoredAsync();
        Assert.Equal((PaymentTiming.Approval, true), (stored!.When, stored.RefundOnRejection));
    }

    private static readonly string Flat = $$"""{ "items": [ { "id": "licence", "name": {{Name("Licence")}}, "amount": 900 } ] }""";

    [Fact]
    public async Task Editor_ItemWithProblems_NothingSavedAndEachProblemWorded()
    {
        await _app.SetFeesAsync(Flat, Service, "TD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var response = await admin.SubmitAsync($"/zh-hk{Fees}/items", With(Named("Name", "Area"),
            ("Id", "licence"), ("Kind", "tiers"), ("TierFrom", "floorArea"),
            ("Tiers[0].UpTo", "50"), ("Tiers[0].Amount", "100"), ("Tiers[1].UpTo", "40"), ("Tiers[1].Amount", "200"), ("WhenMode", "none")));

        Assert.Equal(200, (int)response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("錯誤", page.Title);
        var summary = page.ErrorSummary();
        Assert.Contains("已有另一項目使用識別碼「licence」。", summary);
        Assert.Contains("項目「licence」的級別必須遞增，而只有最後一級可以沒有上限。", summary);
        Assert.Contains("項目「licence」：此服務的表格沒有問題「floorArea」。", summary);
        Assert.Equal("40", page.QuerySelector("input#Tiers_1__UpTo")!.GetAttribute("value"));
        Assert.Equal(FeeJson.Write(FeeJson.Parse(Flat, out _)!), FeeJson.Write((await StoredAsync())!));
    }

    [Fact]
    public async Task Upload_ScheduleWithProblems_EveryProblemListedNothingSaved()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var json = $$"""
            { "items": [ { "id": "x", "name": {{Name("X")}}, "amount": -1 }, { "id": "y", "name": {{Name("Y")}}, "unitAmount": 5 } ],
              "concessions": [ { "id": "c", "name": {{Name("C")}}, "percentOff": 150, "when": { "field": "income", "lessThan": 1000 } } ] }
            """;

        using var response = await admin.SubmitAsync($"{Fees}/upload", new Dictionary<string, string> { ["Json"] = json });

        Assert.Equal(200, (int)response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(4, page.QuerySelectorAll("[data-problem]").Length);
        Assert.Contains(page.ErrorSummary(), p => p.Contains("The service's form has no question “income”."));
        Assert.Contains("\"income\"", page.QuerySelector("textarea#Json")!.TextContent);
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task Upload_GoodSchedule_SavedAndDownloadGivesItBack()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var json = FeeJson.Write(Schedule($$"""[{ "id": "ten-year", "name": {{Name("Ten")}}, "amount": 900, "when": { "field": "period", "equals": "ten" } }]""", when: "approval"));

        using var response = await admin.SubmitAsync($"{Fees}/upload", new Dictionary<string, string> { ["Json"] = json });
        using var download = await admin.GetAsync($"{Fees}/json", Cancel);

        Assert.EndsWith(Fees, response.Location());
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(json, await download.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Try_SampleAnswersAndAge_ShowsTheQuoteLineByLine()
    {
        await _app.SetFeesAsync($$"""
            { "items": [ { "id": "ten-year", "name": {{Name("Ten-year licence")}}, "amount": 900, "when": { "field": "period", "equals": "ten" } },
                         { "id": "classes", "name": {{Name("Class")}}, "unitAmount": 40, "quantityFrom": "classes" } ],
              "concessions": [ { "id": "senior", "name": {{Name("Senior")}}, "percentOff": 50, "items": ["ten-year"], "when": { "field": "profile.age", "atLeast": 65 } } ] }
            """, Service, "TD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var (_, form) = await admin.GetPageAsync($"{Fees}/try");
        Assert.NotNull(form.QuerySelector("select[name='q.period']"));
        Assert.Equal(5, form.QuerySelectorAll("input[name='q.classes'][type=checkbox]").Length);

        var (status, page) = await admin.GetPageAsync($"{Fees}/try?try=1&q.period=ten&q.classes=1&q.classes=16&age=65");

        Assert.Equal(200, status);
        Assert.Equal("HK$530.00", page.QuerySelector("[data-total]")!.TextContent.Trim());
        Assert.Equal("Senior: HK$450.00 off", page.QuerySelector("[data-concession=senior]")!.TextContent.Trim());
        Assert.Contains("2 × HK$40.00", page.QuerySelector("[data-line=classes]")!.TextContent);
        var (_, younger) = await admin.GetPageAsync($"{Fees}/try?try=1&q.period=short&age=64");
        Assert.Equal("HK$0.00", younger.QuerySelector("[data-total]")!.TextContent.Trim());
        Assert.Equal(["Ten-year licence", "Class"], younger.QuerySelectorAll("[data-not-charged] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Remove_Schedule_ServiceChargesNothingAndItIsAudited()
    {
        await _app.SetFeesAsync(Flat, Service, "TD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var removed = await admin.SubmitAsync(Fees, new Dictionary<string, string>(), "Remove");

        Assert.EndsWith(Fees, removed.Location());
        Assert.Null(await StoredAsync());
        Assert.Equal(1, await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Event == FeeAuditEvents.Removed && e.TargetId == Service, Cancel)));
    }

    [Fact]
    public async Task ServicePage_LinksToItsFees()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        var (_, page) = await admin.GetPageAsync($"/office/services/{Service}");

        Assert.Equal(Fees, page.QuerySelector("a[data-fee-schedule]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PlatformAdmin_AnyDepartmentsService_CanEditItsFees()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);

        using var added = await admin.SubmitAsync($"{Fees}/items", With(Named("Name", "Licence"), ("Id", "licence"), ("Kind", "fixed"), ("Amount", "900"), ("WhenMode", "none")));

        Assert.EndsWith(Fees, added.Location());
        Assert.Equal("TD", await _app.QueryAsync(db => db.Set<OneStop.Payments.FeeSchedule>().Where(f => f.ServiceSlug == Service).Select(f => f.DepartmentCode).SingleAsync(Cancel)));
    }
}

public sealed class FeeEditorSqliteTests() : FeeEditorTests(Provider.Sqlite);

public sealed class FeeEditorPostgresTests() : FeeEditorTests(Provider.Postgres);
