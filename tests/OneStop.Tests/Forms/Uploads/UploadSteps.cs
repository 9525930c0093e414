using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using OneStop.Forms.Definitions;
using OneStop.Tests.Forms.Filling;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Uploads;

/// <summary>Posts a question page's multipart form the way a browser without JavaScript does, with a file chosen.</summary>
public static class UploadSteps
{
    public const int Megabyte = 1024 * 1024;

    /// <summary>One page: a name and a required file field "plan" taking PDFs up to 1 MB, two at most.</summary>
    public static FormDefinition PlanForm(string id = "td-plan") =>
        OnePage(id, Field("name", FieldType.Text), Field("plan", FieldType.File) with { Accept = ["pdf"], MaxBytes = Megabyte, MaxFiles = 2 });

    /// <summary>Chooses <paramref name="content"/> as <paramref name="fileName"/> in <paramref name="field"/> and presses a button (intent).</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(this HttpClient client, string pagePath, string intent,
        (string Field, string FileName, byte[] Content)? file = null, params (string Name, string Value)[] fields)
    {
        var (status, page) = await client.GetPageAsync(pagePath);
        Assert.True(status == 200, $"GET {pagePath} answered {status}");
        return await client.PostFilesAsync(page, pagePath, intent, file, fields);
    }

    public static Task<HttpResponseMessage> PostFilesAsync(this HttpClient client, IDocument page, string pagePath, string intent,
        (string Field, string FileName, byte[] Content)? file = null, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelector("main form[method=post]") ?? throw new Xunit.Sdk.XunitException($"No form on {pagePath}");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var given = fields.Select(f => f.Name).ToHashSet();
        var content = new MultipartFormDataContent();
        foreach (var element in form.QuerySelectorAll("input, textarea"))
        {
            var name = element.GetAttribute("name");
            var type = element.GetAttribute("type") ?? "text";
            if (name is null || given.Contains(name) || type is "submit" or "button" or "file") continue;
            if (element is IHtmlInputElement { Type: "radio" or "checkbox", IsChecked: false }) continue;
            content.Add(new StringContent(element is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)element).Value), name);
        }
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(intent), "intent");
        if (file is var (field, fileName, bytes))
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new("application/octet-stream");
            content.Add(part, field, fileName);
        }
        return client.PostAsync(pagePath, content, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string pagePath, string field, string fileName, byte[] bytes, params (string Name, string Value)[] fields) =>
        client.PostFilesAsync(pagePath, "upload:" + field, (field, fileName, bytes), fields);

    /// <summary>The files the page lists for a field: (attachment id, name).</summary>
    public static (string Id, string Name)[] ListedFiles(this IDocument page, string field) =>
        page.QuerySelectorAll($"[data-file-field={field}] [data-file]")
            .Select(row => (row.GetAttribute("data-file")!, row.QuerySelector(".govuk-summary-list__key a")!.TextContent.Trim())).ToArray();

    /// <summary>The page path without the fragment a redirect adds.</summary>
    public static string PathOf(string location) => location.Split('#')[0];

    public static async Task<string> StartPlanAsync(this HttpClient client, OneStopApp app, string slug) => await client.StartAsync(slug);
}
