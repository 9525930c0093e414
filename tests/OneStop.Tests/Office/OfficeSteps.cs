using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Factors;
using OneStop.Tests.Identity.Staff;

namespace OneStop.Tests.Office;

/// <summary>Staff signed in through the real pages with password and authenticator code, and posts as their browser makes them.</summary>
public static class OfficeSteps
{
    public static HttpClient NewBrowser(this OneStopApp app) => app.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A new member of staff with an authenticator app, signed in with password and code (so with a strong amr).</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInStaffAsync(this OneStopApp app, StaffRole role, string? department)
    {
        var email = await app.NewStaffAsync(role, department, secondFactor: true);
        var client = app.NewBrowser();
        using var response = await client.SignInWithCodeAsync(email, app.NextCode(await app.AuthenticatorKeyAsync(email)));
        Assert.Equal("/account", response.Location());
        return (client, email);
    }

    /// <summary>The antiforgery token of the signed-in browser, from the back-office home's sign-out form.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string page = "/office")
    {
        var (status, document) = await client.GetPageAsync(page);
        Assert.True(status == 200, $"GET {page} answered {status}");
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>POSTs form fields (with the token when given) the way a browser without JavaScript would.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string? token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null) values.Add(new("__RequestVerificationToken", token));
        return client.PostAsync(url, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads a file from the upload page's form, as a browser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, string content)
    {
        var token = await client.TokenAsync("/office/services/upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "CatalogueFile", fileName },
        };
        return await client.PostAsync("/office/services/upload", form, TestContext.Current.CancellationToken);
    }

    public static async Task<T> QueryAsync<T>(this OneStopApp app, Func<OneStopDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OneStopDb>());
    }

    public static Task<string> AServiceOfAsync(this OneStopApp app, string department, int skip = 0) =>
        app.QueryAsync(db => db.Services.Where(s => s.Department.Code == department).OrderBy(s => s.Slug).Skip(skip).Select(s => s.Slug).FirstAsync(TestContext.Current.CancellationToken));

    public static Task<Guid> UserIdAsync(this OneStopApp app, string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken));

    /// <summary>What a response did, in the words of the authorization table.</summary>
    public static string Outcome(this HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            var path = StaffPeople.PathOf(response.Location());
            if (path.StartsWith("/account/sign-in", StringComparison.Ordinal)) return "sign-in";
            if (path.StartsWith("/error/403", StringComparison.Ordinal)) return "forbidden";
            if (path.StartsWith(StaffPolicies.SecondFactorPath, StringComparison.Ordinal)) return "second-factor";
            return "redirect";
        }
        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
