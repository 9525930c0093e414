using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Signing;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Signing;

/// <summary>The signing page, the certificate page and the public verification page, as people use them.</summary>
public sealed class SigningPagesTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Browser(OneStopApp app) => app.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A verified person signed in with an authenticator code: the real Advanced session.</summary>
    private async Task<(HttpClient Client, Guid Id)> AdvancedPersonAsync()
    {
        var client = Browser(_app);
        var email = await client.AdvancedAsync(_app);
        var id = await _app.Services.WithScopeAsync(s => s.GetRequiredService<OneStopDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct));
        return (client, id);
    }

    [Fact]
    public async Task SignPage_BasicLevelPerson_CannotSeeOrSign()
    {
        var client = Browser(_app);
        var email = await client.SignedInAsync(_app);
        var person = await _app.Services.WithScopeAsync(s => s.GetRequiredService<OneStopDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct));
        var id = await _app.Services.RequestAsync(person, Signers.NewDocument());

        using var get = await client.GetAsync(DocumentSigning.PagePath(id), Ct);
        using var post = await client.PostAsync(DocumentSigning.PagePath(id), new FormUrlEncodedContent([]), Ct);

        Assert.NotEqual(HttpStatusCode.OK, get.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null(await _app.Services.WithScopeAsync(s => s.GetRequiredService<IDocumentSigning>().GetSignatureAsync(id, person, Ct)));
    }

    [Fact]
    public async Task SignPage_AnotherPersonsRequest_Answers404()
    {
        var (owner, _) = await _app.Services.NewPersonAsync();
        var id = await _app.Services.RequestAsync(owner, Signers.NewDocument());
        var (intruder, _) = await AdvancedPersonAsync();

        using var get = await intruder.GetAsync(DocumentSigning.PagePath(id), Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task SignPage_ConfirmedTwiceAtOnce_SignsExactlyOnceAndReturnsBothTimes()
    {
        var (client, person) = await AdvancedPersonAsync();
        var document = Signers.NewDocument();
        var id = await _app.Services.RequestAsync(person, document, "Declaration: licence renewal", "/services/renew?step=done");
        var (status, page) = await client.GetPageAsync(DocumentSigning.PagePath(id));

        var both = await Task.WhenAll(
            client.SubmitAsync(page, DocumentSigning.PagePath(id), new Dictionary<string, string>()),
            client.SubmitAsync(page, DocumentSigning.PagePath(id), new Dictionary<string, string>()));

        Assert.Equal(200, status);
        Assert.Equal("Declaration: licence renewal", page.QuerySelector("[data-description]")!.TextContent);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document)), page.QuerySelector("[data-hash]")!.GetAttribute("data-hash"));
        Assert.All(both, r => Assert.Equal("/services/renew?step=done", r.Location()));
        var signed = await _app.Services.WithScopeAsync(s => s.GetRequiredService<IDocumentSigning>().GetSignatureAsync(id, person, Ct));
        Assert.NotNull(signed);
        var signings = await _app.Services.WithScopeAsync(s => s.GetRequiredService<OneStopDb>().AuditEntries
            .CountAsync(e => e.Event == SigningEvents.Signed && e.TargetId == id.ToString(), Ct));
        Assert.Equal(1, signings);
        var check = await _app.Services.WithScopeAsync(s => s.GetRequiredService<SignatureVerifier>().VerifyAsync(document, signed.Signature, Ct));
        Assert.True(check.Valid);
        foreach (var r in both) r.Dispose();
    }

    [Fact]
    public async Task SignJourney_AdvancedPerson_ConfirmsInChineseAndTheCallerGetsAVerifiableSignature()
    {
        var (client, person) = await AdvancedPersonAsync();
        var document = Signers.NewDocument("本人聲明所提供的資料均屬真實。");
        var id = await _app.Services.RequestAsync(person, document, "續領駕駛執照聲明", "/services/renew-a-driving-licence");

        using var confirmed = await client.SubmitAsync("/zh-hk" + DocumentSigning.PagePath(id), new Dictionary<string, string>());
        var signed = await _app.Services.WithScopeAsync(s => s.GetRequiredService<IDocumentSigning>().GetSignatureAsync(id, person, Ct));
        var (_, again) = await client.GetPageAsync(DocumentSigning.PagePath(id));
        var (_, certificatePage) = await client.GetPageAsync("/account/signing-certificate");
        var (_, activity) = await client.GetPageAsync("/account/activity");

        Assert.Equal("/zh-hk/services/renew-a-driving-licence", confirmed.Location());
        Assert.NotNull(signed);
        Assert.True((await _app.Services.WithScopeAsync(s => s.GetRequiredService<SignatureVerifier>().VerifyAsync(document, signed.Signature, Ct))).Valid);
        Assert.Equal("signed", again.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal(signed.CertificateSerial, certificatePage.QuerySelector("[data-certificate]")!.GetAttribute("data-certificate"));
        Assert.NotNull(activity.QuerySelector($"[data-event='{SigningEvents.Signed}']"));
        Assert.NotNull(activity.QuerySelector($"[data-event='{SigningEvents.CertificateIssued}']"));
    }

    [Fact]
    public async Task CertificatePage_RevokeWithAReason_ShowsItRevokedAndAsksForAReasonFirst()
    {
        var (client, person) = await AdvancedPersonAsync();
        var signed = await _app.Services.SignAsync(person, Signers.NewDocument());

        using var noReason = await client.SubmitAsync("/account/signing-certificate", new Dictionary<string, string>());
        var errorPage = await noReason.ReadPageAsync();
        using var revoke = await client.SubmitAsync("/account/signing-certificate", new Dictionary<string, string> { ["Reason"] = "key-compromise" });
        var (_, after) = await client.GetPageAsync(revoke.Location());

        Assert.StartsWith("Error: ", errorPage.Title);
        Assert.Single(errorPage.ErrorSummary());
        Assert.Equal("revoked", after.QuerySelector($"tr:has(code) [data-status]")!.GetAttribute("data-status"));
        Assert.Contains(signed.CertificateSerial, after.QuerySelector("table")!.TextContent);
        Assert.Equal("none", after.QuerySelector("[data-state]")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task VerifyPage_ValidSignature_SaysValidAndNamesTheSigner()
    {
        var (person, email) = await _app.Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var signed = await _app.Services.SignAsync(person, document);

        var page = await VerifyAsync(document, signed.Signature);

        Assert.Equal("valid", page.QuerySelector("[data-outcome]")!.GetAttribute("data-outcome"));
        Assert.Equal(email, page.QuerySelector("[data-signer]")!.TextContent);
        Assert.Equal("good", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task VerifyPage_CertificateRevokedSinceSigning_IsNotShownAsAllClearAndGivesTheReasonNeutrally()
    {
        var (client, person) = await AdvancedPersonAsync();
        var document = Signers.NewDocument();
        var signed = await _app.Services.SignAsync(person, document);
        using (await client.SubmitAsync("/account/signing-certificate", new Dictionary<string, string> { ["Reason"] = "key-compromise" })) { }

        var page = await VerifyAsync(document, signed.Signature);

        Assert.Equal("valid", page.QuerySelector("[data-outcome]")!.GetAttribute("data-outcome"));
        Assert.Null(page.QuerySelector(".govuk-notification-banner--success"));
        Assert.NotNull(page.QuerySelector("[data-caution]"));
        Assert.Contains("the holder reported that someone else may have used it", page.QuerySelector("[data-status]")!.TextContent);
    }

    [Fact]
    public async Task VerifyPage_PastedBase64ForATamperedDocument_SaysItDoesNotMatch()
    {
        var (person, _) = await _app.Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var signed = await _app.Services.SignAsync(person, document);
        document[0] ^= 0x01;

        var page = await VerifyAsync(document, null, Convert.ToBase64String(signed.Signature));

        Assert.Equal("document-mismatch", page.QuerySelector("[data-outcome]")!.GetAttribute("data-outcome"));
    }

    [Fact]
    public async Task VerifyPage_SignatureFromAnotherCa_SaysNotOneStopsAndHidesTheClaimedName()
    {
        var document = Signers.NewDocument();

        var page = await VerifyAsync(document, ForeignSigner.Sign(document, "Chan Tai Man"));

        Assert.Equal("unknown-issuer", page.QuerySelector("[data-outcome]")!.GetAttribute("data-outcome"));
        Assert.Equal("no", page.QuerySelector("[data-chains]")!.GetAttribute("data-chains"));
        Assert.Null(page.QuerySelector("[data-signer]"));
        Assert.DoesNotContain("Chan Tai Man", page.Body!.TextContent);
    }

    [Fact]
    public async Task VerifyPage_NothingChosenInChinese_ShowsBothErrorsInChinese()
    {
        var page = await VerifyAsync(null, null, url: "/zh-hk/verify/signature");

        Assert.StartsWith("錯誤", page.Title);
        Assert.Equal(["請選擇已簽署的文件", "請選擇簽署檔案，或貼上簽署"], page.ErrorSummary());
    }

    private async Task<IDocument> VerifyAsync(byte[]? document, byte[]? signature, string? pasted = null, string url = "/verify/signature")
    {
        var client = Browser(_app);
        var (status, _) = await client.GetPageAsync(url);
        Assert.Equal(200, status);
        using var form = new MultipartFormDataContent();
        if (document is not null) form.Add(new ByteArrayContent(document), "Document", "declaration.pdf");
        if (signature is not null) form.Add(new ByteArrayContent(signature), "SignatureFile", "declaration.p7s");
        form.Add(new StringContent(pasted ?? ""), "SignatureText");
        using var response = await client.PostAsync(url, form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadPageAsync();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
