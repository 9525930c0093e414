using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Tests.Identity.Factors;
using OneStop.Tests.Identity.Staff;
using OneStop.Tests.Office;

namespace OneStop.Tests.Office.Cases;

/// <summary>An app whose queue pages hold five cases, so paging is tested with a handful of cases.</summary>
public sealed class SmallPagesApp(Provider provider) : OneStopApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cases:QueuePageSize", "5");
    }
}

/// <summary>Officers at work on the case pages, as their browsers post them.</summary>
public static class CaseOfficeSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Staff of <paramref name="department"/> signed in with a second factor, and their user id.</summary>
    public static async Task<(HttpClient Client, Guid Id, string Email)> OfficerAsync(this OneStopApp app, StaffRole role = StaffRole.Officer, string department = "TD")
    {
        var (client, email) = await app.SignedInStaffAsync(role, department);
        return (client, await app.UserIdAsync(email), email);
    }

    /// <summary>The same member of staff in a new browser (staff sessions end after a while idle, and tests move the clock on by weeks).</summary>
    public static async Task<(HttpClient Client, Guid Id, string Email)> SignInAgainAsync(this OneStopApp app, string email)
    {
        var client = app.NewBrowser();
        using var response = await client.SignInWithCodeAsync(email, app.NextCode(await app.AuthenticatorKeyAsync(email)));
        Assert.Equal("/account", response.Location());
        return (client, await app.UserIdAsync(email), email);
    }

    public static async Task<IDocument> PageAsync(this HttpClient client, string url)
    {
        var (status, page) = await client.GetPageAsync(url);
        Assert.True(status == 200, $"GET {url} answered {status}");
        return page;
    }

    /// <summary>The references in the queue's table, top to bottom.</summary>
    public static string[] QueueReferences(this IDocument page) =>
        page.QuerySelectorAll("table[data-queue] tbody tr").Select(tr => tr.GetAttribute("data-case")!).ToArray();

    /// <summary>Posts one of the case page's forms (by its handler, e.g. "Note" or "Take&amp;actionId=reject") with the page's hidden fields.</summary>
    public static async Task<HttpResponseMessage> PostCaseAsync(this HttpClient client, string reference, string handler, params (string Name, string Value)[] fields)
    {
        var url = $"/office/cases/{reference}";
        return await client.SubmitAsync(await client.PageAsync(url), url, fields.ToDictionary(f => f.Name, f => f.Value), handler);
    }

    public static Task<List<AuditEntry>> AuditOfAsync(this OneStopApp app, string @event, string reference) =>
        app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Event == @event && e.TargetId == reference).ToListAsync(Cancel));
}
