using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Payments;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Payments;

/// <summary>A service paid for on approval: the approved case waits for the fee, and ends approved once it is paid.</summary>
public abstract class PayOnApprovalTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    private const string LicenceFee = """
        {
          "when": "approval",
          "items": [ { "id": "licence", "name": { "en": "Licence fee", "zh-HK": "牌照費", "zh-CN": "牌照费" }, "amount": 545.50 } ]
        }
        """;

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        await _app.SetFeesAsync(LicenceFee);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Approve_FeeDueOnApproval_CaseWaitsForPaymentThenEndsApproved()
    {
        var (applicantId, email) = await _app.CitizenAsync();
        var c = await _app.NewCaseAsync(applicantId);
        var (officer, _, _) = await _app.OfficerAsync();

        using (await officer.PostCaseAsync(c.Reference, "Take&actionId=approve")) { }
        var waiting = await _app.CaseAsync(c.Reference);
        Assert.Equal((BuiltInStates.AwaitingPaymentId, (Outcome?)null), (waiting.State, waiting.Outcome));
        Assert.NotNull(waiting.PausedAt);
        var payment = await _app.QueryCasesAsync(db => db.Set<Payment>().AsNoTracking().SingleAsync(p => p.CaseId == c.Id, Cancel));
        Assert.Equal((PaymentPurpose.Approval, 545.50m), (payment.Purpose, payment.Amount));

        // The applicant is told what to pay and where, in their inbox.
        await _app.RunOutboxAsync();
        var applicant = await _app.SignedInAsync(email);
        var inboxText = (await applicant.PageAsync("/inbox")).Body!.TextContent;
        Assert.Contains($"Pay HK$545.50 to complete application {c.Reference}", inboxText);

        // Someone else cannot open the payment.
        var (_, otherEmail) = await _app.CitizenAsync();
        using (var other = await _app.SignedInAsync(otherEmail))
        using (var refused = await other.GetAsync($"/payments/{payment.Id}", Cancel))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);

        var page = await applicant.PageAsync($"/payments/{payment.Id}");
        using var start = await applicant.SubmitAsync(page, $"/payments/{payment.Id}", new Dictionary<string, string>(), "Start");
        using (await applicant.SubmitAsync(new Uri(start.Location()).PathAndQuery, new Dictionary<string, string>
               {
                   ["CardNumber"] = "4242424242424242", ["Expiry"] = "01/40", ["SecurityCode"] = "999", ["NameOnCard"] = "CHAN TAI MAN",
               }, "Card")) { }

        // The callback alone (the payer never came back) completes it.
        await _app.SettleAsync();
        var closed = await _app.CaseAsync(c.Reference);
        Assert.Equal((Outcome?)Outcome.Approved, closed.Outcome);
        Assert.Equal("approved", closed.State);
        var timeline = await _app.TimelineAsync(c.Id);
        Assert.Single(timeline, e => e.ActionId == "payment-received");
        var inbox = (await applicant.PageAsync("/inbox")).Body!.TextContent;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(inbox, $"Your application {c.Reference} has been approved"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(inbox, $"We have received your payment {payment.Reference}"));
    }
}

public sealed class PayOnApprovalSqliteTests() : PayOnApprovalTests(Provider.Sqlite);

public sealed class PayOnApprovalPostgresTests() : PayOnApprovalTests(Provider.Postgres);
