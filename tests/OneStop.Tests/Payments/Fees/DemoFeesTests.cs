using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Forms;
using OneStop.Forms.Store;
using OneStop.Payments;
using OneStop.Payments.Demo;
using OneStop.Payments.Fees;
using OneStop.Tests.Cases;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Forms.Uploads;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;
using OneStop.Tests.Platform.Files;

namespace OneStop.Tests.Payments.Fees;

/// <summary>The demo fee schedules fit their services' demo forms, seed once, and a demo applicant can pay one on submission.</summary>
public sealed class DemoFeesTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Seed_DemoServices_EverySchedulePassesTheCheckWithItsFormAndSeedingTwiceKeepsAChange()
    {
        await DemoFees.SeedAsync(_app.Services, Cancel);
        await _app.SetFeesAsync(DemoFees.All[0].Json.Replace("432", "500", StringComparison.Ordinal), DemoFees.All[0].Service, DemoFees.All[0].Department);

        await DemoFees.SeedAsync(_app.Services, Cancel);

        await using var scope = _app.Services.CreateAsyncScope();
        var schedules = scope.ServiceProvider.GetRequiredService<FeeSchedules>();
        var forms = scope.ServiceProvider.GetRequiredService<FormStore>();
        foreach (var (service, department, _) in DemoFees.All)
        {
            var fees = await schedules.ForServiceAsync(service, Cancel);
            Assert.NotNull(fees);
            var formId = await _app.QueryAsync(db => db.Services.Where(s => s.Slug == service && s.Department.Code == department).Select(s => s.StartFormId).SingleAsync(Cancel));
            var form = await forms.CurrentAsync(formId!, Cancel);
            Assert.Empty(FeeCheck.Run(fees, form!.Definition.AllFields.Select(f => f.Id).ToHashSet()));
        }
        Assert.Equal(500m, (await schedules.ForServiceAsync(DemoFees.All[0].Service, Cancel))!.Items[0].Amount);
        Assert.Equal(DemoFees.All.Length, await _app.QueryAsync(db => db.Set<FeeSchedule>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task SeedIfMissing_OutsideDevelopment_SeedsNothing()
    {
        await DemoFees.SeedIfMissingAsync(_app.Services, Cancel);

        Assert.Equal(0, await _app.QueryAsync(db => db.Set<FeeSchedule>().CountAsync(Cancel)));
    }

    /// <summary>The journey a newcomer takes in a local run: the pet import permit, HK$432 shown before sending, paid by card, then the case opens.</summary>
    [Fact]
    public async Task DemoCitizen_PetImportPermit_SeesTheFeePaysOnSubmissionAndTheCaseOpens()
    {
        await DemoFees.SeedAsync(_app.Services, Cancel);
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync("apply-for-a-permit-to-bring-in-a-dog-or-cat");
        var draft = FillingSteps.DraftPath(first);

        using (await client.AnswerAsync(first, [("species", "cat"), ("breed", "British Shorthair"), ("microchip", "826012345678901"), ("weight", "4.5"),
                   .. _app.DateBoxes("rabiesVaccination", 100)])) { }
        using (await client.AnswerAsync($"{draft}/journey", [("origin", "gb"), ("flight", "CX251"), .. _app.DateBoxes("arrival", -30)])) { }
        using (await client.UploadAsync($"{draft}/owner", "healthCertificate", "certificate.pdf", SampleFiles.Pdf(),
                   ("ownerName", "Jane Smith"), ("email", "jane@example.com"), ("overseasPhone", "+442079460000"))) { }
        using (await client.AnswerAsync($"{draft}/owner")) { }
        using (var confirm = await client.AnswerAsync($"{draft}/confirm", ("declaration", "true")))
            Assert.Equal($"{draft}/check", confirm.Location());

        var (_, check) = await client.GetPageAsync($"{draft}/check");
        Assert.Equal("HK$432.00", check.QuerySelector("[data-fee-total]")!.TextContent.Trim());
        using (var sent = await client.SubmitAsync(check, $"{draft}/check", new Dictionary<string, string>()))
            Assert.EndsWith("/sent", sent.Location());

        var submissionId = await _app.QueryAsync(db => db.Set<Submission>().Where(s => s.FormId == "afcd-dog-or-cat-import-permit").Select(s => s.Id).SingleAsync(Cancel));
        var payment = await _app.PaymentForAsync(submissionId);
        Assert.Equal((432m, "AFCD"), (payment.Amount, payment.DepartmentCode));
        var paymentPath = $"/payments/{payment.Id}";
        var (_, page) = await client.GetPageAsync(paymentPath);
        using var start = await client.SubmitAsync(page, paymentPath, new Dictionary<string, string>(), "Start");
        using var paid = await client.SubmitAsync(new Uri(start.Location()).PathAndQuery, new Dictionary<string, string>
        {
            ["CardNumber"] = "4242 4242 4242 4242", ["Expiry"] = "12/39", ["SecurityCode"] = "123", ["NameOnCard"] = "JANE SMITH",
        }, "Card");
        using (await client.GetAsync(new Uri(paid.Location()).PathAndQuery, Cancel)) { }
        await _app.SettleAsync();

        Assert.Equal(PaymentState.Succeeded, (await _app.PaymentAsync(payment.Id)).State);
        Assert.True(await _app.QueryCasesAsync(db => db.Set<Case>().AnyAsync(c => c.SubmissionId == submissionId, Cancel)));
    }
}
