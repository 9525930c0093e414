using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>Steps of the authorization code flow that many tests share, as a person's browser takes them.</summary>
public static class OidcFlows
{
    /// <summary>A confirmed account, not yet signed in, and a browser for it.</summary>
    public static async Task<(HttpClient Browser, string Email)> NewPersonAsync(this OidcApp app)
    {
        var browser = app.Browser();
        var email = Accounts.NewEmail();
        await browser.RegisterAsync(email);
        await browser.ConfirmAsync(app, email);
        return (browser, email);
    }

    /// <summary>GETs <paramref name="url"/> and follows redirects within OneStop; stops at a page or a redirect off-site.</summary>
    public static async Task<HttpResponseMessage> FollowAsync(this HttpClient browser, string url)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var response = await browser.GetAsync(url, TestContext.Current.CancellationToken);
            response.RequestMessage!.RequestUri = new Uri(new Uri("http://localhost"), url);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)) return response;
            var location = response.Location();
            // ("/path" parses as an absolute file URI on Unix, so look at the scheme.)
            if (location.StartsWith("http", StringComparison.Ordinal) && new Uri(location).Host != "localhost") return response;
            url = location.Local();
        }
        throw new Xunit.Sdk.XunitException("Too many redirects from " + url);
    }

    /// <summary>A redirect within OneStop as path and query (the cookie handler writes absolute ones).</summary>
    public static string Local(this string location) =>
        location.StartsWith("http://localhost/", StringComparison.Ordinal) ? new Uri(location).PathAndQuery : location;

    public static string PathAndQuery(this HttpResponseMessage response) => response.RequestMessage!.RequestUri!.PathAndQuery;

    /// <summary>From the authorize request to the redirect back to the client: signs in and agrees on the way when asked.</summary>
    public static async Task<HttpResponseMessage> AuthorizeAsync(this HttpClient browser, string authorizeUrl, string email,
        string consent = "accept")
    {
        var response = await browser.FollowAsync(authorizeUrl);
        if (response.StatusCode == HttpStatusCode.OK && response.PathAndQuery().StartsWith("/account/sign-in", StringComparison.Ordinal))
        {
            var signIn = await browser.SignInAsync(email, url: response.PathAndQuery());
            response = await browser.FollowAsync(signIn.Location().Local());
        }
        if (response.StatusCode == HttpStatusCode.OK && IsConsentPage(response))
        {
            var page = await response.ReadPageAsync();
            var decided = await browser.SubmitAsync(page, response.PathAndQuery(), new Dictionary<string, string> { ["decision"] = consent });
            response = decided.StatusCode == HttpStatusCode.Redirect && !decided.Location().StartsWith("http", StringComparison.Ordinal)
                ? await browser.FollowAsync(decided.Location()) : decided;
        }
        return response;
    }

    public static bool IsConsentPage(HttpResponseMessage response) => response.PathAndQuery().Contains("/connect/authorize", StringComparison.Ordinal);

    /// <summary>Signs in, agrees, redeems the code: the token response.</summary>
    public static async Task<JsonElement> SignInToClientAsync(this HttpClient browser, TestClient client, string email,
        string scope = "openid profile email offline_access", params (string, string)[] extra)
    {
        using var response = await browser.AuthorizeAsync(client.AuthorizeUrl(scope, extra), email);
        var callback = client.Callback(response);
        Assert.Equal(client.State, callback["state"]);
        var (status, tokens) = await client.RedeemAsync(callback["code"]);
        Assert.True(status == HttpStatusCode.OK, tokens.ToString());
        return tokens;
    }

    public static JsonWebToken IdToken(this JsonElement tokens) => new(tokens.GetProperty("id_token").GetString()!);
}
