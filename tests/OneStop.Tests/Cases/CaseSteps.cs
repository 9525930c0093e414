using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Platform.Database;
using OneStop.Tests.Forms.Background;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Cases;

/// <summary>Arranges cases the way they arrive in life: a form submitted, the outbox passed, the case opened.</summary>
public static class CaseSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A one-page form of the Transport Department that starts service <paramref name="serviceSlug"/>.</summary>
    public const string FormId = "td-case";

    /// <summary>Submits <see cref="FormId"/> (publishing it on first use) for <paramref name="applicantId"/> and opens its case.</summary>
    public static async Task<Case> NewCaseAsync(this OneStopApp app, Guid? applicantId, string serviceSlug = "td-case-service",
        string language = "en", string? contactEmail = null)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(FormId, Cancel) is null)
                await PublishAsync(app, OnePage(FormId, Field("plate", FieldType.Text), Field("reason", FieldType.Text, required: false)));
        }
        SubmitResult.Accepted accepted;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var form = await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(FormId, Cancel);
            var result = await scope.ServiceProvider.GetRequiredService<SubmitApplication>().RunAsync(
                new SubmitRequest(form!, Answers(("plate", "AB 1234")), $"user:{applicantId}", Guid.NewGuid().ToString(), language)
                { UserId = applicantId, ServiceSlug = serviceSlug, ContactEmail = contactEmail }, Cancel);
            accepted = Assert.IsType<SubmitResult.Accepted>(result);
        }
        await app.RunOutboxAsync();
        return await app.CaseAsync(accepted.Reference);
    }

    public static Task<Case> CaseAsync(this OneStopApp app, string reference) =>
        app.QueryCasesAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Reference == reference, Cancel));

    public static Task<List<CaseEvent>> TimelineAsync(this OneStopApp app, Guid caseId) =>
        app.QueryCasesAsync(db => db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(Cancel));

    public static async Task<T> QueryCasesAsync<T>(this OneStopApp app, Func<OneStopDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OneStopDb>());
    }

    /// <summary>Saves <paramref name="definition"/> as the service's workflow and publishes it; fails the test on problems.</summary>
    public static async Task<int> PublishWorkflowAsync(this OneStopApp app, string serviceSlug, string department, WorkflowDefinition definition)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WorkflowStore>();
        var draft = await store.SaveDraftAsync(serviceSlug, department, definition, Guid.NewGuid(), Cancel);
        var problems = await store.PublishAsync(serviceSlug, Guid.NewGuid(), Cancel);
        Assert.Empty(problems);
        return draft.Version;
    }
}
