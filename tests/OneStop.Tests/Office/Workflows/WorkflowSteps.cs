using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Tests.Office;

namespace OneStop.Tests.Office.Workflows;

/// <summary>The workflow editor used as a browser without JavaScript uses it, and what it leaves in the database.</summary>
public static class WorkflowSteps
{
    /// <summary>A Transport Department service with no demo workflow: it starts on the built-in default.</summary>
    public const string Service = "book-a-driving-test";

    public const string Editor = "/office/workflows/" + Service;

    public static Task<List<WorkflowVersion>> WorkflowVersionsAsync(this OneStopApp app, string slug = Service) =>
        app.QueryAsync(db => db.Set<WorkflowVersion>().AsNoTracking().Where(v => v.ServiceSlug == slug).OrderBy(v => v.Version).ToListAsync(TestContext.Current.CancellationToken));

    public static async Task<WorkflowDefinition> DraftDefinitionAsync(this OneStopApp app, string slug = Service) =>
        WorkflowJson.ParseTrusted((await app.WorkflowVersionsAsync(slug)).Single(v => v.State == WorkflowState.Draft).Definition);

    public static async Task<HttpResponseMessage> UploadWorkflowAsync(this HttpClient client, string? file = null, string? text = null)
    {
        var token = await client.TokenAsync(Editor + "/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(text ?? ""), "Json" } };
        if (file is not null) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "WorkflowFile", "workflow.json");
        return await client.PostAsync(Editor + "/upload", form, TestContext.Current.CancellationToken);
    }
}
