using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;
using static OneStop.Tests.Payments.Fees.FeeRulesTests;

namespace OneStop.Tests.Payments.Fees;

/// <summary>Check your answers shows what the answers will cost before the application is sent.</summary>
public sealed class CheckPageFeeTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The demo food-hygiene report made a paid service: a fixed fee, a reply fee when a reply is wanted, 20% off without one.</summary>
    private static string ReportFees(string when) => $$"""
        {
          "when": "{{when}}",
          "items": [
            { "id": "report", "name": {{Name("Report fee")}}, "amount": 100 },
            { "id": "reply", "name": {{Name("Reply fee")}}, "amount": 50, "when": { "field": "wantsReply", "equals": true } }
          ],
          "concessions": [
            { "id": "no-reply", "name": {{Name("No reply wanted")}}, "percentOff": 20, "when": { "field": "wantsReply", "equals": false } }
          ]
        }
        """;

    private async Task<AngleSharp.Dom.IDocument> CheckPageAsync()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var check = await client.AnswerDemoFormAsync(_app, await client.StartAsync());
        var (status, page) = await client.GetPageAsync(check);
        Assert.Equal(200, status);
        return page;
    }

    [Fact]
    public async Task Check_ServiceChargesOnSubmission_ShowsTheTotalAndItsBreakdown()
    {
        await _app.SetFeesAsync(ReportFees("submission"), FillingSteps.DemoService, "FEHD");

        var page = await CheckPageAsync();

        Assert.Equal("Fee", page.QuerySelector("h2#fee")!.TextContent.Trim());
        Assert.Equal("HK$80.00", page.QuerySelector("[data-fee-total]")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("[data-fee-preview] tbody tr").Select(r => r.TextContent.Trim()).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Contains("Report fee", rows[0]);
        Assert.Contains("HK$80.00", rows[0]);
        Assert.Equal("No reply wanted: HK$20.00 off", page.QuerySelector("[data-concession]")!.TextContent.Trim());
        Assert.DoesNotContain("Reply fee", page.QuerySelector("[data-fee-preview]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-fee-on-approval]"));
    }

    [Fact]
    public async Task Check_ServiceChargesOnApproval_SaysAFeeIsDueThen()
    {
        await _app.SetFeesAsync(ReportFees("approval"), FillingSteps.DemoService, "FEHD");

        var page = await CheckPageAsync();

        Assert.Contains("HK$80.00", page.QuerySelector("[data-fee-on-approval]")!.TextContent);
        Assert.Contains("approved", page.QuerySelector("[data-fee-on-approval]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-fee-preview]"));
    }

    [Fact]
    public async Task Check_ServiceWithoutFees_NoFeeSection()
    {
        var page = await CheckPageAsync();

        Assert.Null(page.QuerySelector("h2#fee"));
        Assert.NotNull(page.QuerySelector("main form[method=post] button"));
    }
}
