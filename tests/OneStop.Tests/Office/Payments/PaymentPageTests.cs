using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Identity.Staff;
using OneStop.Payments;
using OneStop.Tests.Cases;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Office.Payments;

/// <summary>The payment page at /office/payments/{reference}: what officers see, and that only supervisors and administrators may refund.</summary>
public abstract class PaymentPageTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Show_PaidPayment_ShowsAmountMethodCallbacksCaseLinkAndAudit()
    {
        var (payment, _) = await _app.PaidByGuestAsync(vehicles: 3);
        var caseReference = await _app.QueryCasesAsync(db => db.Set<Case>().Where(c => c.SubmissionId == payment.SubmissionId).Select(c => c.Reference).SingleAsync(Cancel));
        var (officer, _, _) = await _app.OfficerAsync();

        var page = await officer.PageAsync("/office/payments/" + payment.Reference);

        Assert.Equal("succeeded", page.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal("HK$300.00", page.QuerySelector("[data-amount]")!.TextContent.Trim());
        Assert.Equal("Card", page.QuerySelector("[data-method]")!.TextContent.Trim());
        Assert.Equal(payment.ProviderReference, page.QuerySelector("[data-provider-reference]")!.TextContent.Trim());
        Assert.Contains("3 × HK$100.00", page.QuerySelector("[data-fee-lines]")!.TextContent);
        Assert.Equal("/office/cases/" + caseReference, page.QuerySelector("[data-application] a")!.GetAttribute("href"));
        Assert.Equal(["applied"], page.QuerySelectorAll("[data-callback-outcome]").Select(r => r.GetAttribute("data-callback-outcome")));
        Assert.Contains("payment.succeeded", page.QuerySelectorAll("[data-audit-event]").Select(e => e.GetAttribute("data-audit-event")));
    }

    [Fact]
    public async Task Refund_Officer_SeesNoFormAndPostIsRefused()
    {
        var (payment, _) = await _app.PaidByGuestAsync();
        var (officer, _, _) = await _app.OfficerAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        var officersPage = await officer.PageAsync("/office/payments/" + payment.Reference);
        var supervisorsPage = await supervisor.PageAsync("/office/payments/" + payment.Reference);
        using var posted = await officer.PostFormAsync($"/office/payments/{payment.Reference}?handler=Refund", await officer.TokenAsync(),
            ("RefundId", Guid.NewGuid().ToString()), ("Revision", payment.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Amount", "200"), ("Reason", "Officer trying to refund"));

        Assert.Null(officersPage.QuerySelector("[data-refund-form]"));
        Assert.NotNull(supervisorsPage.QuerySelector("[data-refund-form]"));
        Assert.Equal("forbidden", posted.Outcome());
        Assert.Empty(await _app.RefundsOfAsync(payment.Id));
        Assert.Equal(PaymentState.Succeeded, (await Tests.Payments.PaymentSteps.PaymentAsync(_app, payment.Id)).State);
    }
}

public sealed class PaymentPageSqliteTests() : PaymentPageTests(Provider.Sqlite);

public sealed class PaymentPagePostgresTests() : PaymentPageTests(Provider.Postgres);
