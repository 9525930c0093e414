using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OneStop.Tests.Infrastructure;

/// <summary>
/// Fills in forms the way a browser without JavaScript does: GET the page, take the form (with its
/// antiforgery token and hidden fields), set the named fields, POST it to the form's action.
/// </summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl,
        IReadOnlyDictionary<string, string> fields, string? handler = null)
    {
        var (status, page) = await client.GetPageAsync(pageUrl);
        Assert.True(status == 200, $"GET {pageUrl} answered {status}");
        return await client.SubmitAsync(page, pageUrl, fields, handler);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, string pageUrl,
        IReadOnlyDictionary<string, string> fields, string? handler = null)
    {
        var forms = page.QuerySelectorAll("form[method=post]");
        var form = handler is null ? forms.FirstOrDefault() : forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"No post form{(handler is null ? "" : " for " + handler)} on {pageUrl}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            var name = hidden.GetAttribute("name")!;
            if (!fields.ContainsKey(name)) values.Add(new(name, hidden.GetAttribute("value") ?? ""));
        }
        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : WebUtility.HtmlDecode(action);
        return await client.PostAsync(target, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    public static async Task<IDocument> ReadPageAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The messages of the page's error summary, in order.</summary>
    public static string[] ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToArray();

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new Xunit.Sdk.XunitException($"Expected a redirect, got {(int)response.StatusCode}");
}
