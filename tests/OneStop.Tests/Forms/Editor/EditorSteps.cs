using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Editor;

/// <summary>The editor used as a browser without JavaScript uses it: every form posted with all its current values.</summary>
public static class EditorSteps
{
    /// <summary>
    /// GETs <paramref name="url"/>, takes its post form (the one whose action names <paramref name="handler"/>, when
    /// given), keeps every value it shows (text, selects, ticked boxes), replaces those named in
    /// <paramref name="changes"/> (a null value removes the name, as unticking does), and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> EditAsync(this HttpClient client, string url, string? handler = null, (string Name, string Value)? button = null,
        params (string Name, string? Value)[] changes)
    {
        var (status, page) = await client.GetPageAsync(url);
        Assert.True(status == 200, $"GET {url} answered {status}");
        var form = page.QuerySelectorAll("form[method=post]")
            .FirstOrDefault(f => handler is null ? !(f.GetAttribute("action") ?? "").Contains("handler=") : (f.GetAttribute("action") ?? "").Contains("handler=" + handler));
        Assert.True(form is not null, $"No post form {handler} on {url}");
        var values = ValuesOf(form);
        foreach (var name in changes.Select(c => c.Name).Distinct()) values.RemoveAll(v => v.Key == name);
        values.AddRange(changes.Where(c => c.Value is not null).Select(c => KeyValuePair.Create(c.Name, c.Value!)));
        if (button is { } b) values.Add(KeyValuePair.Create(b.Name, b.Value));
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : WebUtility.HtmlDecode(action);
        return await client.PostAsync(target, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    public static List<KeyValuePair<string, string>> ValuesOf(IElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element.LocalName, element.GetAttribute("type"))
            {
                case ("input", "checkbox" or "radio"):
                    if (element.HasAttribute("checked")) values.Add(new(name, element.GetAttribute("value") ?? "on"));
                    break;
                case ("input", "file" or "submit"):
                    break;
                case ("input", _):
                    values.Add(new(name, element.GetAttribute("value") ?? ""));
                    break;
                case ("textarea", _):
                    values.Add(new(name, element.TextContent));
                    break;
                case ("select", _):
                    var selected = element.QuerySelector("option[selected]") ?? element.QuerySelector("option");
                    values.Add(new(name, selected?.GetAttribute("value") ?? ""));
                    break;
            }
        }
        return values;
    }

    /// <summary>Three languages of one text, as the editor's inputs are named.</summary>
    public static (string, string?)[] Words(string name, string en) =>
        [(name + "En", en), (name + "ZhHk", en + "（繁）"), (name + "ZhCn", en + "（简）")];

    /// <summary>Creates a form in the signed-in administrator's department, with a first page and question.</summary>
    public static async Task CreateFormAsync(this HttpClient admin, string id, string fieldId = "applicantName", string type = "text")
    {
        using var created = await admin.EditAsync("/office/forms/new", changes:
        [
            ("Id", id), .. Words("Title", "Permit " + id), .. Words("First.PageTitle", "About you"),
            ("First.FieldId", fieldId), ("First.FieldType", type), .. Words("First.Label", "Your name"),
        ]);
        Assert.Equal($"/office/forms/{id}/edit", created.Location());
    }

    public static Task<Form> FormAsync(this OneStopApp app, string id) =>
        app.QueryAsync(db => db.Set<Form>().AsNoTracking().SingleAsync(f => f.Id == id, TestContext.Current.CancellationToken));

    public static Task<List<FormVersion>> VersionsAsync(this OneStopApp app, string id) =>
        app.QueryAsync(db => db.Set<FormVersion>().AsNoTracking().Where(v => v.FormId == id).OrderBy(v => v.Version).ToListAsync(TestContext.Current.CancellationToken));

    public static async Task<FormDefinition> DefinitionAsync(this OneStopApp app, string id, int version)
    {
        var row = (await app.VersionsAsync(id)).Single(v => v.Version == version);
        return DefinitionJson.Parse(row.Definition, out var error) ?? throw new InvalidOperationException(error);
    }
}
