using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Consent;
using OneStop.Identity.Profile;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Profile;

/// <summary>The person's consent receipts (list, revoke) and the consent screen departments send people to.</summary>
public abstract class ConsentTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider, seed: false);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    private static ConsentRequest Request(TimeSpan? duration, params string[] fields) =>
        new(ConsentRecipientType.Department, "TD", "Transport Department", "renew-driving-licence", "To fill in your driving licence renewal", fields, duration);

    private async Task<ConsentReceipt> GrantAsync(Guid userId, ConsentRequest request)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsentReceipts>().GrantAsync(userId, request, TestContext.Current.CancellationToken);
    }

    private async Task<Guid> PendingAsync(Guid userId, ConsentRequest request, string returnUrl = "/forms/renew/prefill")
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PendingConsents>().CreateAsync(userId, request, returnUrl, TestContext.Current.CancellationToken);
    }

    private async Task<ConsentReceipt?> FindValidAsync(Guid userId, params string[] fields)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsentReceipts>().FindValidAsync(userId, "TD", "renew-driving-licence", fields, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Consents_ListShowsWhoWhatWhyAndStatus()
    {
        var client = NewBrowser();
        var me = await _app.UserIdAsync(await client.SignedInAsync(_app));
        var active = await GrantAsync(me, Request(TimeSpan.FromDays(30), ProfileFields.NameEnglish, ProfileFields.ResidentialAddress));
        var expired = await GrantAsync(me, Request(TimeSpan.FromMinutes(1), ProfileFields.Phone));
        _app.Clock.Advance(TimeSpan.FromMinutes(2));

        var (status, page) = await client.GetPageAsync("/account/consents");

        Assert.Equal(200, status);
        var card = page.QuerySelector($"[data-receipt='{active.Id}']")!;
        Assert.Contains("Transport Department", card.TextContent);
        Assert.Contains("To fill in your driving licence renewal", card.TextContent);
        Assert.Contains("Name in English", card.TextContent);
        Assert.Contains("Residential address", card.TextContent);
        Assert.Equal("active", card.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.NotNull(card.QuerySelector($"a[href='/account/consents/{active.Id}/revoke']"));
        var old = page.QuerySelector($"[data-receipt='{expired.Id}']")!;
        Assert.Equal("expired", old.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Null(old.QuerySelector("a[href*='revoke']"));
    }

    [Fact]
    public async Task Revoke_AfterConfirming_EndsTheReceiptAndAuditsIt()
    {
        var client = NewBrowser();
        var me = await _app.UserIdAsync(await client.SignedInAsync(_app));
        var receipt = await GrantAsync(me, Request(null, ProfileFields.Email));

        using var response = await client.SubmitAsync($"/account/consents/{receipt.Id}/revoke", new Dictionary<string, string>());
        var (_, page) = await client.GetPageAsync(response.Location());

        Assert.Equal("/account/consents", response.Location());
        Assert.Equal("revoked", page.QuerySelector($"[data-receipt='{receipt.Id}'] [data-status]")!.GetAttribute("data-status"));
        Assert.Null(await FindValidAsync(me, ProfileFields.Email));
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<OneStopDb>().AuditEntries
            .AnyAsync(e => e.SubjectId == me && e.Event == ConsentEvents.Revoked && e.TargetId == receipt.Id.ToString(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Revoke_AnotherPersonsReceipt_Is404AndLeavesItValid()
    {
        var owner = NewBrowser();
        var ownerId = await _app.UserIdAsync(await owner.SignedInAsync(_app));
        var receipt = await GrantAsync(ownerId, Request(null, ProfileFields.Email));
        var stranger = NewBrowser();
        await stranger.SignedInAsync(_app);
        var (_, ownPage) = await stranger.GetPageAsync("/account/consents");

        using var get = await stranger.GetAsync($"/account/consents/{receipt.Id}/revoke", TestContext.Current.CancellationToken);
        using var forged = await PostToAsync(stranger, $"/account/consents/{receipt.Id}/revoke");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Null(ownPage.QuerySelector($"[data-receipt='{receipt.Id}']"));
        Assert.NotNull(await FindValidAsync(ownerId, ProfileFields.Email));
    }

    /// <summary>Posts with the client's own (valid) antiforgery token to a URL whose page they cannot open, as a forger would.</summary>
    private static async Task<HttpResponseMessage> PostToAsync(HttpClient client, string url)
    {
        var (_, page) = await client.GetPageAsync("/account/profile/sex");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ConsentScreen_ShowsEachFieldWithTheCurrentValueAndTheCardMasked()
    {
        var client = NewBrowser();
        var me = await _app.UserIdAsync(await client.SignedInAsync(_app));
        using (await client.SubmitAsync("/account/profile/identity-card", new Dictionary<string, string> { ["IdentityCard"] = "K381205(7)" })) { }
        var id = await PendingAsync(me, Request(TimeSpan.FromDays(30), ProfileFields.IdentityCard, ProfileFields.Phone));

        var (status, page) = await client.GetPageAsync($"/zh-hk/account/consent/{id}");

        Assert.Equal(200, status);
        Assert.Equal("TD", page.QuerySelector("[data-recipient]")!.GetAttribute("data-recipient"));
        Assert.Equal("30 日", page.QuerySelector("[data-duration]")!.TextContent.Trim());
        var card = page.QuerySelector($"[data-field='{ProfileFields.IdentityCard}']")!.TextContent;
        Assert.Contains("香港身分證號碼", card);
        Assert.Contains("K381***(*)", card);
        Assert.DoesNotContain("K381205", page.Body!.TextContent);
        Assert.Contains("未提供", page.QuerySelector($"[data-field='{ProfileFields.Phone}']")!.TextContent);
    }

    [Fact]
    public async Task ConsentScreen_Approve_GrantsAReceiptAndReturnsWithIt()
    {
        var client = NewBrowser();
        var me = await _app.UserIdAsync(await client.SignedInAsync(_app));
        var id = await PendingAsync(me, Request(TimeSpan.FromDays(7), ProfileFields.Email, ProfileFields.NameEnglish), "/forms/renew/prefill?step=2");

        using var response = await client.SubmitAsync($"/account/consent/{id}", new Dictionary<string, string>(), handler: "Approve");
        var receipt = await FindValidAsync(me, ProfileFields.Email, ProfileFields.NameEnglish);

        Assert.NotNull(receipt);
        Assert.Equal($"/forms/renew/prefill?step=2&consent=granted&receipt={receipt.Id}", response.Location());
        Assert.Equal(_app.Clock.GetUtcNow().AddDays(7).ToUnixTimeSeconds(), receipt.ExpiresAt!.Value.ToUnixTimeSeconds());
        Assert.Equal("Transport Department", receipt.RecipientName);
    }

    [Fact]
    public async Task ConsentScreen_Decline_GrantsNothingAndReturnsDeclined()
    {
        var client = NewBrowser();
        var me = await _app.UserIdAsync(await client.SignedInAsync(_app));
        var id = await PendingAsync(me, Request(null, ProfileFields.Email));

        using var response = await client.SubmitAsync($"/account/consent/{id}", new Dictionary<string, string>(), handler: "Decline");

        Assert.Equal("/forms/renew/prefill?consent=declined", response.Location());
        Assert.Null(await FindValidAsync(me, ProfileFields.Email));
    }

    [Fact]
    public async Task ConsentScreen_AnotherPersonsRequest_Is404()
    {
        var owner = NewBrowser();
        var ownerId = await _app.UserIdAsync(await owner.SignedInAsync(_app));
        var id = await PendingAsync(ownerId, Request(null, ProfileFields.Email));
        var stranger = NewBrowser();
        await stranger.SignedInAsync(_app);

        using var get = await stranger.GetAsync($"/account/consent/{id}", TestContext.Current.CancellationToken);
        using var post = await PostToAsync(stranger, $"/account/consent/{id}?handler=Approve");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await FindValidAsync(ownerId, ProfileFields.Email));
    }

    [Fact]
    public async Task ConsentScreen_AfterItExpires_OffersNoApprovalAndGrantsNothing()
    {
        var client = NewBrowser();
        var me = await _app.UserIdAsync(await client.SignedInAsync(_app));
        var id = await PendingAsync(me, Request(null, ProfileFields.Email));
        var (_, open) = await client.GetPageAsync($"/account/consent/{id}");
        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        var (_, expired) = await client.GetPageAsync($"/account/consent/{id}");
        using var late = await client.SubmitAsync(open, $"/account/consent/{id}", new Dictionary<string, string>(), handler: "Approve");

        Assert.Contains("expired", expired.QuerySelector("h1")!.TextContent);
        Assert.Empty(expired.QuerySelectorAll("form[method=post]"));
        Assert.Equal("/forms/renew/prefill?consent=expired", late.Location());
        Assert.Null(await FindValidAsync(me, ProfileFields.Email));
    }

    [Fact]
    public async Task PendingConsents_OffSiteReturnUrl_IsRefused()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var pending = scope.ServiceProvider.GetRequiredService<PendingConsents>();

        await Assert.ThrowsAsync<ArgumentException>(() => pending.CreateAsync(Guid.NewGuid(), Request(null, ProfileFields.Email), "//evil.example/x", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => pending.CreateAsync(Guid.NewGuid(), Request(null, "favourite-colour"), "/forms/x", TestContext.Current.CancellationToken));
    }
}

public sealed class ConsentTests_Sqlite() : ConsentTests(Provider.Sqlite);

public sealed class ConsentTests_Postgres() : ConsentTests(Provider.Postgres);
