using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Signing;

namespace OneStop.BrowserTests;

/// <summary>
/// Digital signing (docs/identity/signing.md): the public page that checks a signature, with its error
/// states; signing a document at the advanced level; the signing certificate page and revocation. In each
/// language and without JavaScript, with axe on every page.
/// </summary>
public sealed class SigningJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task VerifySignature_MissingOrUnreadableSignature_ShowsAccessibleErrors(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;

        await page.GotoAsync(edition.Path("/verify/signature"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();

        // Nothing chosen: both the document and the signature are asked for.
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#Document']").CountAsync());
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#SignatureFile']").CountAsync());
        await session.AssertAccessibleAsync();

        // A document and pasted text that is no signature.
        await page.Locator("#Document").SetInputFilesAsync(File("declaration.txt", "I declare that the above is true."));
        await page.Locator("#SignatureText").FillAsync("this is not a signature");
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#SignatureText']").CountAsync());
        Assert.Equal("this is not a signature", await page.Locator("#SignatureText").InputValueAsync());
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("zh-HK", true, "NG Hoi Ting")]
    [InlineData("en", false, "TSANG Yuk Lun")]
    public async Task SignADocument_OwnFile_SignedAndOfferedForDownload(string tag, bool javaScript, string resident)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync(provedAs: Citizens.Resident(resident), authenticator: true);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);
        await page.Locator("#Code").FillAsync(portal.Server.NextCode(citizen.AuthenticatorKey!));
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")));

        await page.GotoAsync(edition.Path("/account/sign-a-document"));
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("#Document").SetInputFilesAsync(new FilePayload { Name = "lease.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Lease " + Guid.NewGuid()) });
        await page.SubmitAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(edition.Path("/account/sign/"), StringComparison.Ordinal));
        await page.SubmitAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path("/account/sign-a-document/signed"));

        Assert.Contains("lease.txt", await page.Locator(".govuk-panel").InnerTextAsync());
        Assert.Equal(1, await page.Locator("a[data-signature]").CountAsync());
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("en", true, "LEE Ka Wai")]
    [InlineData("zh-HK", false, "CHEUNG Chi Keung")]
    [InlineData("zh-CN", true, "LAM Wing Yan")]
    public async Task Sign_AdvancedCitizen_SignatureCheckedThenCertificateRevoked(string tag, bool javaScript, string resident)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync(provedAs: Citizens.Resident(resident), authenticator: true);
        var document = Encoding.UTF8.GetBytes($"Declaration {Guid.NewGuid()}: the information I gave is true.");
        var request = await RequestSignatureAsync(citizen, document);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);
        await page.Locator("#Code").FillAsync(portal.Server.NextCode(citizen.AuthenticatorKey!));
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")));

        // The confirmation page, in the person's language; signing brings them back in it.
        await page.GotoAsync(edition.Path($"/account/sign/{request}"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document)), await page.Locator("[data-hash]").GetAttributeAsync("data-hash"));
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")));
        var signature = await SignatureAsync(citizen, request);

        // Anyone can check it: valid, signed by the proved name.
        await CheckAsync(page, document, signature);
        Assert.Equal("valid", await page.Locator("[data-outcome]").GetAttributeAsync("data-outcome"));
        // The proved form of the name, as the registry compares it.
        Assert.Equal(resident.ToUpperInvariant(), (await page.Locator("[data-signer]").InnerTextAsync()).Trim());
        Assert.Equal("good", await page.Locator("[data-status]").GetAttributeAsync("data-status"));
        await session.AssertAccessibleAsync();
        // The same signature with another document.
        await CheckAsync(page, [.. document, (byte)'!'], signature);
        Assert.Equal("document-mismatch", await page.Locator("[data-outcome]").GetAttributeAsync("data-outcome"));
        await session.AssertAccessibleAsync();

        // The certificate page, from the account page; revoking asks for a reason.
        await page.GotoAsync(edition.Path("/account"));
        await page.Locator("main a[href$='/account/signing-certificate']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account/signing-certificate")));
        Assert.Equal(1, await page.Locator("[data-certificate]").CountAsync());
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#Reason']").CountAsync());
        await session.AssertAccessibleAsync();
        await page.Locator("#Reason").CheckAsync();
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account/signing-certificate")));
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator("[data-state=none]").CountAsync());
        Assert.Equal("revoked", await page.Locator("td[data-status]").GetAttributeAsync("data-status"));
        await session.AssertAccessibleAsync();

        // Checked again, the signature's certificate is shown as revoked.
        await CheckAsync(page, document, signature);
        Assert.Equal("revoked", await page.Locator("[data-status]").GetAttributeAsync("data-status"));
        await session.AssertAccessibleAsync();
    }

    /// <summary>The public check, from the link on the certificate page's edition: document and .p7s uploaded.</summary>
    private static async Task CheckAsync(IPage page, byte[] document, byte[] signature)
    {
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        await page.GotoAsync(Edition.Of(lang!).Path("/verify/signature"));
        await page.Locator("#Document").SetInputFilesAsync(new FilePayload { Name = "declaration.txt", MimeType = "text/plain", Buffer = document });
        await page.Locator("#SignatureFile").SetInputFilesAsync(new FilePayload { Name = "declaration.txt.p7s", MimeType = "application/pkcs7-signature", Buffer = signature });
        await page.SubmitAsync();
        await page.Locator("[data-result]").WaitForAsync();
    }

    private static FilePayload File(string name, string text) =>
        new() { Name = name, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) };

    /// <summary>What a department's form would do before asking the person to sign its declaration.</summary>
    private async Task<Guid> RequestSignatureAsync(Citizen citizen, byte[] document)
    {
        using var scope = portal.Server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDocumentSigning>()
            .CreateRequestAsync(citizen.Id, SHA256.HashData(document), "Declaration for the browser test", "/account");
    }

    private async Task<byte[]> SignatureAsync(Citizen citizen, Guid request)
    {
        using var scope = portal.Server.Services.CreateScope();
        var signed = await scope.ServiceProvider.GetRequiredService<IDocumentSigning>().GetSignatureAsync(request, citizen.Id);
        return signed?.Signature ?? throw new Xunit.Sdk.XunitException("The document was not signed.");
    }
}
