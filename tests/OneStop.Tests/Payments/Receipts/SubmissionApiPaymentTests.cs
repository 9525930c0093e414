using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Definitions;
using OneStop.Payments;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.Api.FormsApiSteps;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Payments.Receipts;

/// <summary>A machine client submits to a service paid for on submission: the answer says the application awaits payment, and where it is paid.</summary>
public sealed class SubmissionApiPaymentTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A TD service started by <paramref name="formId"/> that takes applications without an account; its slug.</summary>
    private async Task<string> GuestServiceAsync(string formId)
    {
        await PublishAsync(_app, OnePage(formId, Field("plate", FieldType.Text), Field("vehicles", FieldType.Number)));
        var slug = await _app.AServiceOfAsync("TD");
        await _app.QueryAsync(db => db.Services.Where(s => s.Slug == slug)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartFormId, formId).SetProperty(x => x.AllowsGuests, true), Cancel));
        return slug;
    }

    [Fact]
    public async Task Submit_PaidOnSubmission_AwaitingPaymentWithTheAbsolutePaymentPage_SameOnReplay()
    {
        var slug = await GuestServiceAsync("td-api-paid");
        await _app.SetFeesAsync(ReceiptTests.FleetFees, slug, "TD");
        var (_, token) = await MachineTokenAsync(_app);
        var http = _app.CreateClient();

        var answer = await SubmitAsync(http, "td-api-paid", token, "kiosk-1", Answers(("plate", "AB 1234"), ("vehicles", 2)));
        var replay = await SubmitAsync(http, "td-api-paid", token, "kiosk-1", Answers(("plate", "AB 1234"), ("vehicles", 2)));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("awaiting-payment", answer.Body!["status"]!.GetValue<string>());
        var url = new Uri(answer.Body!["paymentUrl"]!.GetValue<string>());
        Assert.True(url.IsAbsoluteUri);
        var payment = await _app.QueryAsync(db => db.Set<Payment>().AsNoTracking().SingleAsync(p => p.ApplicationReference == answer.Body!["reference"]!.GetValue<string>(), Cancel));
        Assert.Equal($"/payments/{payment.Id}?key={Uri.EscapeDataString(payment.AccessKey)}", url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(url.ToString(), replay.Body!["paymentUrl"]!.GetValue<string>());
        // The applicant, handed the address, opens the fee page without an account.
        var (status, page) = await _app.NewBrowser().GetPageAsync(url.PathAndQuery);
        Assert.Equal(200, status);
        Assert.Equal("HK$200.00", page.QuerySelector("[data-total]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Submit_NoFee_SubmittedWithoutPaymentUrl()
    {
        await GuestServiceAsync("td-api-free");
        var (_, token) = await MachineTokenAsync(_app);

        var answer = await SubmitAsync(_app.CreateClient(), "td-api-free", token, "kiosk-2", Answers(("plate", "AB 1234"), ("vehicles", 2)));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("submitted", answer.Body!["status"]!.GetValue<string>());
        Assert.Null(answer.Body!["paymentUrl"]);
    }
}
