using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Oidc;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Oidc;
using OpenIddict.EntityFrameworkCore.Models;

namespace OneStop.Tests.Office;

/// <summary>
/// Platform administrators register and remove OIDC clients in the back office, and the provider then
/// serves (or refuses) those clients for real: authorization requests, the token endpoint, the API.
/// </summary>
public sealed class ClientManagementTests : IAsyncLifetime
{
    private readonly OidcApp _app = new();

    private static readonly (string, string)[] Names =
        [("NameEn", "Licensing portal"), ("NameZhHk", "牌照網站"), ("NameZhCn", "牌照网站")];

    private static readonly (string, string)[] Purposes =
        [("PurposeEn", "To fill in your licence application for you."), ("PurposeZhHk", "為你填寫牌照申請。"), ("PurposeZhCn", "为你填写牌照申请。")];

    private static string NewClientId() => "office-rp-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Posts the add form as a browser does (several Scopes checkboxes, so not through a dictionary).</summary>
    private static async Task<HttpResponseMessage> AddAsync(HttpClient admin, params (string Name, string Value)[] fields) =>
        await admin.PostFormAsync("/office/clients/add", await admin.TokenAsync("/office/clients/add"), fields);

    private async Task<(HttpClient Admin, Guid AdminId)> PlatformAdminAsync()
    {
        var (admin, email) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        return (admin, await _app.UserIdAsync(email));
    }

    private Task<List<(string Event, Guid? Actor)>> AuditOfAsync(string clientId) =>
        _app.QueryAsync(async db => (await db.AuditEntries.Where(e => e.TargetType == "oidc-client" && e.TargetId == clientId)
            .OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken)).Select(e => (e.Event, e.ActorId)).ToList());

    /// <summary>Adds a machine client through the page; its id, the secret the page showed, and the page.</summary>
    private static async Task<(string ClientId, string Secret, IDocument Page, HttpResponseMessage Response)> AddMachineAsync(HttpClient admin)
    {
        var clientId = NewClientId();
        var response = await AddAsync(admin, [("ClientId", clientId), ("Type", "machine"), .. Names, ("Scopes", OidcSetup.ApiScope)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var secret = page.QuerySelector("[data-client-secret]")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(secret), page.ErrorSummary().FirstOrDefault() ?? "no secret shown");
        return (clientId, secret!, page, response);
    }

    private Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> ClientCredentialsAsync(string clientId, string secret) =>
        new TestClient(_app, clientId, "", secret).TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = OidcSetup.ApiScope });

    [Fact]
    public async Task AddClient_PublicWithLoopbackRedirect_ItsAuthorizationRequestReachesSignInThenConsentWithItsNameAndPurpose()
    {
        var (admin, adminId) = await PlatformAdminAsync();
        var clientId = NewClientId();
        const string redirect = "http://127.0.0.1:7891/callback";

        using var added = await AddAsync(admin, [("ClientId", clientId), ("Type", "public"), .. Names, .. Purposes,
            ("RedirectUris", redirect), ("Scopes", "profile"), ("Scopes", "email")]);

        Assert.Matches("^/office/clients/[0-9a-f-]{36}$", added.Location());
        var (_, shown) = await admin.GetPageAsync(added.Location());
        Assert.Contains("The client has been added.", shown.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("openid email profile", shown.QuerySelector("[data-scopes]")!.TextContent.Trim());
        var client = new TestClient(_app, clientId, redirect, secret: null);
        var (browser, email) = await _app.NewPersonAsync();
        using var signInPage = await browser.FollowAsync(client.AuthorizeUrl("openid profile email"));
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.StartsWith("/account/sign-in?returnUrl=", signInPage.PathAndQuery());
        using var signedIn = await browser.SignInAsync(email, url: signInPage.PathAndQuery());
        using var consent = await browser.FollowAsync(signedIn.Location().Local());
        Assert.True(OidcFlows.IsConsentPage(consent), consent.PathAndQuery());
        var consentPage = await consent.ReadPageAsync();
        Assert.Equal("Share your details with Licensing portal?", consentPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("To fill in your licence application for you.", consentPage.QuerySelector("[data-purpose]")!.TextContent.Trim());
        using var back = await browser.SubmitAsync(consentPage, consent.PathAndQuery(), new Dictionary<string, string> { ["decision"] = "accept" });
        var (status, tokens) = await client.RedeemAsync(client.Callback(back)["code"]);
        Assert.True(status == HttpStatusCode.OK, tokens.ToString());
        Assert.Equal([(OidcEvents.ClientAdded, (Guid?)adminId)], await AuditOfAsync(clientId));
    }

    [Fact]
    public async Task AddClient_Machine_ShowsTheSecretOnceAndItWorksAtTheTokenEndpoint()
    {
        var (admin, adminId) = await PlatformAdminAsync();

        var (clientId, secret, page, response) = await AddMachineAsync(admin);
        var (status, tokens) = await ClientCredentialsAsync(clientId, secret);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(tokens.TryGetProperty("access_token", out _));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("Client added", page.QuerySelector("h1")!.TextContent.Trim());
        // Never again: not on the list, not on the client's page, and only a hash in the database.
        var (_, list) = await admin.GetTextAsync("/office/clients");
        Assert.Contains(clientId, list);
        Assert.DoesNotContain(secret, list);
        var applicationId = await _app.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == clientId).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken));
        var (_, shown) = await admin.GetTextAsync($"/office/clients/{applicationId}");
        Assert.Contains(clientId, shown);
        Assert.DoesNotContain(secret, shown);
        var stored = await _app.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == clientId).Select(a => a.ClientSecret).SingleAsync(TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain(secret, stored);
        Assert.Equal([(OidcEvents.ClientAdded, (Guid?)adminId)], await AuditOfAsync(clientId));
    }

    [Fact]
    public async Task RemoveClient_AfterConfirming_TheTokenEndpointRefusesItAndItsTokenStopsWorking()
    {
        var (admin, adminId) = await PlatformAdminAsync();
        var (clientId, secret, _, _) = await AddMachineAsync(admin);
        var (_, before) = await ClientCredentialsAsync(clientId, secret);
        var applicationId = await _app.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == clientId).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken));
        var removeUrl = $"/office/clients/{applicationId}/remove";

        var (confirmStatus, confirm) = await admin.GetPageAsync(removeUrl);
        var (stillStatus, _) = await ClientCredentialsAsync(clientId, secret);
        using var removed = await admin.SubmitAsync(confirm, removeUrl, new Dictionary<string, string>());
        var (afterStatus, after) = await ClientCredentialsAsync(clientId, secret);
        using var whoAmI = new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/whoami");
        whoAmI.Headers.Authorization = new AuthenticationHeaderValue("Bearer", before.GetProperty("access_token").GetString());
        using var api = await _app.CreateClient().SendAsync(whoAmI, TestContext.Current.CancellationToken);

        // Looking at the confirmation page removes nothing.
        Assert.Equal(200, confirmStatus);
        Assert.Equal("Remove Licensing portal?", confirm.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, stillStatus);
        Assert.Equal("/office/clients", removed.Location());
        var (_, list) = await admin.GetPageAsync("/office/clients");
        Assert.Contains("The client has been removed.", list.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Null(list.QuerySelector($"tr[data-client='{clientId}']"));
        Assert.Equal(HttpStatusCode.Unauthorized, afterStatus);
        Assert.Equal("invalid_client", after.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal([(OidcEvents.ClientAdded, (Guid?)adminId), (OidcEvents.ClientRemoved, adminId)], await AuditOfAsync(clientId));
    }

    [Fact]
    public async Task AddClient_InvalidInput_ShowsEachProblemInFormOrderAndKeepsWhatWasTyped()
    {
        var (admin, _) = await PlatformAdminAsync();
        const string redirects = "https://licensing.example/callback\nhttp://licensing.example/callback";

        using var response = await AddAsync(admin, ("ClientId", "licensing portal"), ("Type", "confidential"),
            ("NameEn", "Licensing portal"), ("NameZhHk", ""), ("NameZhCn", "牌照网站"),
            ("PurposeEn", "To fill in your application."), ("PurposeZhHk", ""), ("PurposeZhCn", "为你填写申请。"),
            ("RedirectUris", redirects), ("BackChannelLogoutUri", "https://licensing.example/logout#now"), ("Scopes", "email"));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal([
            "The client ID must be 100 characters or fewer, using only letters, digits, dots, hyphens and underscores, and start with a letter or digit",
            "Enter the name in Traditional Chinese",
            "Enter the purpose in Traditional Chinese: people see it when the client asks for their details",
            "‘http://licensing.example/callback’ cannot be used. Enter a full address starting with https:// (or http://127.0.0.1 or http://localhost for an app on the same device), without a # part",
            "‘https://licensing.example/logout#now’ cannot be used. Enter a full address starting with https:// (or http://127.0.0.1 or http://localhost for an app on the same device), without a # part",
        ], page.ErrorSummary());
        Assert.Equal(["#ClientId", "#NameZhHk", "#PurposeZhHk", "#RedirectUris", "#BackChannelLogoutUri"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal("licensing portal", page.QuerySelector("#ClientId")!.GetAttribute("value"));
        Assert.Equal("牌照网站", page.QuerySelector("#NameZhCn")!.GetAttribute("value"));
        Assert.Equal("To fill in your application.", page.QuerySelector("#PurposeEn")!.TextContent);
        Assert.Equal(redirects, page.QuerySelector("#RedirectUris")!.TextContent.ReplaceLineEndings("\n").Trim());
        Assert.Equal("https://licensing.example/logout#now", page.QuerySelector("#BackChannelLogoutUri")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name=Type][value=confidential]")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name=Scopes][value=email]")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("input[name=Scopes][value=profile]")!.HasAttribute("checked"));
        Assert.Empty(await _app.QueryAsync(db => db.AuditEntries.Where(e => e.Event == OidcEvents.ClientAdded).ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AddClient_MachineWithARedirectUriAndAPersonsScope_IsRefused()
    {
        var (admin, _) = await PlatformAdminAsync();

        using var response = await AddAsync(admin, [("ClientId", NewClientId()), ("Type", "machine"), .. Names,
            ("RedirectUris", "https://machine.example/callback"), ("Scopes", "email")]);
        var page = await response.ReadPageAsync();

        Assert.Equal(["A machine client signs nobody in. Leave this empty", "A machine client can only have the scopes onestop.api and onestop.forms.submit, not ‘email’"],
            page.ErrorSummary());
    }

    [Fact]
    public async Task AddClient_ClientIdAlreadyRegistered_IsRefused()
    {
        var (admin, _) = await PlatformAdminAsync();
        var existing = await _app.AddClientAsync();

        using var response = await AddAsync(admin, [("ClientId", existing.ClientId), ("Type", "public"), .. Names, ("RedirectUris", "https://other.example/cb")]);
        var page = await response.ReadPageAsync();

        Assert.Equal(["A client with this ID already exists. Choose another ID"], page.ErrorSummary());
    }

    [Fact]
    public async Task ClientsAdd_FromTheCli_RefusesWithTheSameRulesAsTheBackOffice()
    {
        var result = await Cli.RunAsync(["identity", "clients", "add", "cli-plain-http", "type=public", "name=Plain", "redirect-uri=http://plain.example/cb",
            .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("redirect-uri: ‘http://plain.example/cb’ cannot be used.", result.Error);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
