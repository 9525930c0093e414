using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Platform.Localisation;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Filling;

/// <summary>Steps through the form pages as a browser without JavaScript takes them.</summary>
public static class FillingSteps
{
    public const string DemoService = "report-a-food-safety-or-hygiene-problem";

    /// <summary>Presses "Start a new application" on a service's start page; the first question page's path.</summary>
    public static async Task<string> StartAsync(this HttpClient client, string slug = DemoService)
    {
        using var response = await client.SubmitAsync($"/services/{slug}/apply", new Dictionary<string, string>());
        var location = response.Location();
        // A signed-in person is first offered prefill from their profile (Forms/Prefill): these journeys fill in themselves.
        if (location.EndsWith("/prefill", StringComparison.Ordinal))
        {
            using var skipped = await client.SubmitAsync(location, new Dictionary<string, string>(), handler: "Skip");
            location = skipped.Location();
        }
        Assert.Matches("^(/zh-hk|/zh-cn)?/applications/[0-9a-f-]{36}/[A-Za-z0-9_]+$", location);
        return location;
    }

    public static string DraftPath(string pagePath) => string.Join('/', pagePath.Split('/')[..^1]);

    public static Guid DraftId(string pagePath) => Guid.Parse(pagePath.Split('/')[^2]);

    /// <summary>
    /// Posts the page's form as a browser does: every box with what it already holds (ticked boxes, chosen
    /// options, hidden inputs), with <paramref name="fields"/> in place of those names (repeat a name to tick several).
    /// </summary>
    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient client, string pagePath, params (string Name, string Value)[] fields)
    {
        var (status, page) = await client.GetPageAsync(pagePath);
        Assert.True(status == 200, $"GET {pagePath} answered {status}");
        return await client.PostPageAsync(page, pagePath, fields);
    }

    public static Task<HttpResponseMessage> PostPageAsync(this HttpClient client, IDocument page, string pagePath, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelector("main form[method=post]") ?? throw new Xunit.Sdk.XunitException($"No form on {pagePath}");
        var given = fields.Select(f => f.Name).ToHashSet();
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (name is null || given.Contains(name)) continue;
            var type = element.GetAttribute("type") ?? "text";
            if (element is IHtmlInputElement input)
            {
                if (type is "submit" or "button") continue;
                if (type is "radio" or "checkbox" && !input.IsChecked) continue;
                values.Add(new(name, input.Value));
            }
            else if (element is IHtmlSelectElement select) values.Add(new(name, select.Value ?? ""));
            else if (element is IHtmlTextAreaElement area) values.Add(new(name, area.Value));
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pagePath : System.Net.WebUtility.HtmlDecode(action);
        return client.PostAsync(target, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    /// <summary>A date <paramref name="days"/> before today in Hong Kong, as the three date boxes of <paramref name="field"/>.</summary>
    public static (string, string)[] DateBoxes(this OneStopApp app, string field, int days)
    {
        var date = HongKongTime.Today(app.Clock).AddDays(-days);
        return [(field + ".day", date.Day.ToString(CultureInfo.InvariantCulture)), (field + ".month", date.Month.ToString(CultureInfo.InvariantCulture)),
            (field + ".year", date.Year.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>The demo food-hygiene report answered up to check your answers; the check page's path.</summary>
    public static async Task<string> AnswerDemoFormAsync(this HttpClient client, OneStopApp app, string firstPage, string prefix = "")
    {
        var draft = DraftPath(firstPage);
        using (var what = await client.AnswerAsync(firstPage, [("problem", "premises"), .. app.DateBoxes("when", 3)]))
            Assert.Equal($"{draft}/where", what.Location());
        using (var where = await client.AnswerAsync($"{draft}/where", ("shopName", "Lucky Noodles"), ("shopAddress.building", "Lucky Building"),
                   ("shopAddress.street", "12 Nathan Road"), ("shopAddress.district", "yau-tsim-mong"), ("details", "Rubbish by the kitchen door")))
            Assert.Equal($"{draft}/contact", where.Location());
        using (var contact = await client.AnswerAsync($"{draft}/contact", ("wantsReply", "false")))
            Assert.Equal($"{draft}/check", contact.Location());
        return $"{draft}/check";
    }

    public static Task<int> SubmissionCountAsync(this OneStopApp app, string formId) =>
        app.QueryAsync(db => db.Set<Submission>().CountAsync(s => s.FormId == formId));
}
