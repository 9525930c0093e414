using Microsoft.EntityFrameworkCore;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Tests.Cases;
using OneStop.Tests.Identity;
using OneStop.Tests.Office.Cases;
using OneStop.Tests.Payments;

namespace OneStop.Tests.Office.Payments;

/// <summary>Payments arranged for the back office: paid by a guest in the sandbox through the real pages, or written directly.</summary>
public static class OfficePaymentSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A guest applies for the TD service (HK$100 a vehicle) and pays by card on the sandbox's hosted page; the
    /// callbacks and the case's opening are let through. Returns the paid payment and the guest's email.
    /// </summary>
    public static async Task<(Payment Payment, string Email)> PaidByGuestAsync(this OneStopApp app, int vehicles = 2)
    {
        if (await app.QueryCasesAsync(db => db.Set<FeeSchedule>().AnyAsync(f => f.ServiceSlug == PaymentSteps.Service, Cancel)) is false)
            await app.SetFeesAsync(PaymentSteps.PerVehicleFees);
        var email = Accounts.NewEmail();
        var accepted = await app.ApplyAsync(null, vehicles, contactEmail: email);
        var payment = await app.PaymentForAsync(accepted.SubmissionId);
        var browser = app.NewBrowser();
        var path = PaymentPaths.Page(payment);
        using var start = await browser.SubmitAsync(await browser.PageAsync(path), path, new Dictionary<string, string>(), "Start");
        var hosted = new Uri(start.Location()).PathAndQuery;
        using var paid = await browser.SubmitAsync(hosted, new Dictionary<string, string>
        {
            ["CardNumber"] = "4242 4242 4242 4242", ["Expiry"] = "12/39", ["SecurityCode"] = "123", ["NameOnCard"] = "CHAN TAI MAN",
        }, "Card");
        Assert.Contains("/return", paid.Location());
        await app.SettleAsync();
        var settled = await app.PaymentAsync(payment.Id);
        Assert.Equal(PaymentState.Succeeded, settled.State);
        return (settled, email);
    }

    /// <summary>A payment row written directly (search tests need many, and other departments'): created at the clock's now.</summary>
    public static async Task<Payment> StoredPaymentAsync(this OneStopApp app, string department = "TD", PaymentState state = PaymentState.Created,
        string? application = null, decimal amount = 100m)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var payment = new Payment
        {
            Id = id, Reference = "PAY-2026-" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + id.ToString("N")[^4..].ToUpperInvariant(),
            Purpose = PaymentPurpose.Application, DepartmentCode = department, ApplicationReference = application, Amount = amount, Lines = "[]",
            State = state, Provider = "sandbox", IdempotencyKey = $"test:{id}:1", Attempt = 1, AccessKey = id.ToString("N"),
            CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddMinutes(30), SucceededAt = PaymentMoves.IsPaid(state) ? now : null,
        };
        await app.QueryCasesAsync(db =>
        {
            db.Add(payment);
            return db.SaveChangesAsync(Cancel);
        });
        return payment;
    }

    public static Task<List<Refund>> RefundsOfAsync(this OneStopApp app, Guid paymentId) =>
        app.QueryCasesAsync(db => db.Set<Refund>().AsNoTracking().Where(r => r.PaymentId == paymentId).ToListAsync(Cancel));

    /// <summary>Posts the payment page's refund form as the page gave it (its refund id and revision), with the amount and reason typed.</summary>
    public static async Task<HttpResponseMessage> RefundAsync(this HttpClient client, string reference, string amount, string reason, AngleSharp.Dom.IDocument? page = null)
    {
        var url = "/office/payments/" + reference;
        return await client.SubmitAsync(page ?? await client.PageAsync(url), url, new Dictionary<string, string> { ["Amount"] = amount, ["Reason"] = reason }, "Refund");
    }
}
