using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Payments;
using OneStop.Payments.Fees;
using OneStop.Tests.Cases;
using OneStop.Tests.Forms.Background;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Payments;

/// <summary>Arranges paid services and applications; the payer's steps go through the pages.</summary>
public static class PaymentSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public const string Service = "td-case-service";

    /// <summary>HK$100 per vehicle (the <c>vehicles</c> answer), with half off for people aged 65 or over.</summary>
    public const string PerVehicleFees = """
        {
          "when": "submission",
          "items": [
            { "id": "permit", "name": { "en": "Permit fee", "zh-HK": "許可證費用", "zh-CN": "许可证费用" }, "unitAmount": 100, "quantityFrom": "vehicles" }
          ],
          "concessions": [
            { "id": "senior", "name": { "en": "Senior concession", "zh-HK": "長者優惠", "zh-CN": "长者优惠" }, "when": { "field": "profile.age", "atLeast": 65 }, "percentOff": 50 }
          ]
        }
        """;

    /// <summary>Saves <paramref name="json"/> as <paramref name="serviceSlug"/>'s fee schedule (what the office editor does).</summary>
    public static async Task SetFeesAsync(this OneStopApp app, string json, string serviceSlug = Service, string department = "TD")
    {
        var fees = FeeJson.Parse(json, out var error) ?? throw new InvalidOperationException(error);
        Assert.Empty(FeeCheck.Run(fees));
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FeeSchedules>().SaveAsync(serviceSlug, department, fees, null, Cancel);
    }

    /// <summary>Submits the TD test form (plate, vehicles) for <paramref name="applicantId"/>; the result and its submission id.</summary>
    public static async Task<SubmitResult.Accepted> ApplyAsync(this OneStopApp app, Guid? applicantId, int vehicles = 2, string language = "en", string? contactEmail = null)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(FormId, Cancel) is null)
                await PublishAsync(app, OnePage(FormId, Field("plate", FieldType.Text), Field("vehicles", FieldType.Number)));
        }
        await using var submitScope = app.Services.CreateAsyncScope();
        var form = await submitScope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(FormId, Cancel);
        var result = await submitScope.ServiceProvider.GetRequiredService<SubmitApplication>().RunAsync(
            new SubmitRequest(form!, Answers(("plate", "AB 1234"), ("vehicles", vehicles)), $"user:{applicantId}", Guid.NewGuid().ToString(), language)
            { UserId = applicantId, ServiceSlug = Service, ContactEmail = contactEmail }, Cancel);
        return Assert.IsType<SubmitResult.Accepted>(result);
    }

    public const string FormId = "td-paid";

    public static Task<Payment> PaymentForAsync(this OneStopApp app, Guid submissionId) =>
        app.QueryCasesAsync(db => db.Set<Payment>().AsNoTracking().Where(p => p.SubmissionId == submissionId).OrderByDescending(p => p.Attempt).FirstAsync(Cancel));

    public static Task<Payment> PaymentAsync(this OneStopApp app, Guid id) =>
        app.QueryCasesAsync(db => db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id, Cancel));

    /// <summary>Lets the sandbox's delayed callbacks and settlements fall due, and runs the outbox until it is quiet.</summary>
    public static async Task SettleAsync(this OneStopApp app, TimeSpan? wait = null)
    {
        app.Clock.Advance(wait ?? TimeSpan.FromSeconds(10));
        for (var i = 0; i < 4; i++) await app.RunOutboxAsync();
    }
}
