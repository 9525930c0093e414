using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents;
using OneStop.Documents.Issuing;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Verifying;

/// <summary>/verify/{code}, where a document's QR code leads: its state, and no more than the document prints.</summary>
public abstract class VerificationPageTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task VerifyPage_ValidDocument_ShowsWhatItPrintsWithTheHolderMasked()
    {
        var document = await _app.NamedHolderDocumentAsync();
        var fullName = await _app.HolderNameOfAsync(document);
        using var anyone = _app.NewBrowser();

        var (status, page) = await anyone.GetPageAsync(DocumentPaths.Verify(document.VerificationCode));

        Assert.Equal(200, status);
        Assert.Equal("valid", page.State());
        Assert.Equal("This document is genuine and valid", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(("Vehicle test licence", "Licence", document.Number, "1"), (page.Field("title"), page.Field("type"), page.Field("number"), page.Field("version")));
        Assert.Equal("Transport Department", page.Field("department"));
        Assert.Equal("C***** C** K****", page.Field("holder"));
        Assert.Equal(OneStop.Forms.Answers.Dates.Long(document.ValidUntil!.Value, OneStop.Platform.Localisation.Language.En), page.Field("valid-until"));
        Assert.Equal(VerifySteps.HolderName, fullName, ignoreCase: true);
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(fullName, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Keung", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AB 1234", html);
    }

    [Fact]
    public async Task VerifyPage_PastValidUntil_ShowsExpired()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        _app.Clock.Advance(TimeSpan.FromDays(367));
        using var anyone = _app.NewBrowser();

        var (status, page) = await anyone.GetPageAsync(DocumentPaths.Verify(document.VerificationCode));

        Assert.Equal(200, status);
        Assert.Equal("expired", page.State());
        Assert.Equal("This document is genuine but has expired", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(OneStop.Forms.Answers.Dates.Long(document.ValidUntil!.Value, OneStop.Platform.Localisation.Language.En), page.QuerySelector(".govuk-warning-text")!.TextContent);
    }

    [Fact]
    public async Task VerifyPage_Superseded_LinksToTheNewerVersionWhichIsValid()
    {
        var (_, _, c, old) = await _app.IssuedDocumentAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.IsType<IssueResult.Issued>(await scope.ServiceProvider.GetRequiredService<DocumentIssuing>().IssueAsync(new IssueRequest(c.Id, "next:" + old.Id, null, Previous: old), Cancel));
        var newer = await _app.DocumentOfCaseAsync(c.Id);
        using var anyone = _app.NewBrowser();

        var (_, page) = await anyone.GetPageAsync(DocumentPaths.Verify(old.VerificationCode));
        var link = page.QuerySelector("a[data-newer]")!.GetAttribute("href");
        var (_, newerPage) = await anyone.GetPageAsync(link!);

        Assert.Equal("superseded", page.State());
        Assert.Equal(DocumentPaths.Verify(newer.VerificationCode), link);
        Assert.Equal("valid", newerPage.State());
        Assert.Equal((old.Number, "2"), (newerPage.Field("number"), newerPage.Field("version")));
    }

    [Fact]
    public async Task VerifyPage_Revoked_ShowsRevokedWithoutTheReason()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        const string reason = "Obtained with a forged inspection report";
        await using (var scope = _app.Services.CreateAsyncScope())
            await _app.SetStateAsync(document.Id, DocumentState.Revoked, _app.Clock.GetUtcNow().UtcDateTime, scope.ServiceProvider.GetRequiredService<DocumentText>().Protect(reason));
        using var anyone = _app.NewBrowser();

        var (status, page) = await anyone.GetPageAsync("/zh-hk" + DocumentPaths.Verify(document.VerificationCode));

        Assert.Equal(200, status);
        Assert.Equal("revoked", page.State());
        Assert.Equal("此文件已被撤銷", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("車輛測試牌照", page.Field("title"));
        Assert.NotNull(page.Field("revoked"));
        Assert.DoesNotContain("forged", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task VerifyPage_UnknownCode_NotFoundWithAFormToTypeItAgain()
    {
        using var anyone = _app.NewBrowser();

        var (status, page) = await anyone.GetPageAsync("/zh-cn/verify/0000000000000000");

        Assert.Equal(404, status);
        Assert.Equal("not-found", page.QuerySelector("h1")!.GetAttribute("data-outcome"));
        Assert.Equal("没有文件使用此代码", page.QuerySelector("h1")!.TextContent.Trim());
        var form = page.QuerySelector("form[method=get]")!;
        Assert.Equal("/zh-cn/verify", form.GetAttribute("action"));
        Assert.Equal("0000000000000000", form.QuerySelector("input[name=code]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CheckPage_TypedCode_RedirectsToItsVerifyPage()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        using var anyone = _app.NewBrowser();
        // As read out from paper: lower case, in groups, an O for a zero.
        var typed = string.Join(' ', document.VerificationCode.ToLowerInvariant().Chunk(4).Select(g => new string(g))).Replace('0', 'o');

        using var response = await anyone.GetAsync("/verify?code=" + Uri.EscapeDataString(typed), Cancel);
        var (empty, emptyPage) = await anyone.GetPageAsync("/zh-hk/verify?code=");
        var (wrong, wrongPage) = await anyone.GetPageAsync("/verify?code=" + Uri.EscapeDataString("<script>"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DocumentPaths.Verify(document.VerificationCode), response.Location());
        Assert.Equal((200, 200), (empty, wrong));
        Assert.Equal(["請輸入核實代碼"], emptyPage.ErrorSummary());
        Assert.StartsWith("錯誤", emptyPage.Title);
        Assert.Equal(["Enter the code as it is printed, using letters and numbers only"], wrongPage.ErrorSummary());
        Assert.Equal("<script>", wrongPage.QuerySelector("#code")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CheckPage_UploadIssuedPdf_SignatureValidAndTheDocumentsStatus()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var pdf = await _app.PdfAsync(document);
        using var anyone = _app.NewBrowser();

        var (status, page) = await anyone.UploadOnPageAsync(pdf);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("valid", page.Signature());
        Assert.Equal("yes", page.QuerySelector("[data-signature]")!.GetAttribute("data-known"));
        Assert.Contains("govuk-notification-banner--success", page.QuerySelector("[data-signature]")!.ClassName);
        Assert.Equal("valid", page.State());
        Assert.Equal(document.Number, page.Field("number"));
    }

    [Fact]
    public async Task CheckPage_UploadRevokedDocumentsPdf_SignatureValidButNotGreen()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        await _app.SetStateAsync(document.Id, DocumentState.Revoked, _app.Clock.GetUtcNow().UtcDateTime);
        using var anyone = _app.NewBrowser();

        var (_, page) = await anyone.UploadOnPageAsync(await _app.PdfAsync(document));

        Assert.Equal("valid", page.Signature());
        Assert.DoesNotContain("govuk-notification-banner--success", page.QuerySelector("[data-signature]")!.ClassName);
        Assert.Equal("revoked", page.State());
    }

    [Fact]
    public async Task CheckPage_OneByteChanged_ChangedAfterSigning()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var pdf = await _app.PdfAsync(document);
        pdf[400] ^= 0x01;
        using var anyone = _app.NewBrowser();

        var (_, page) = await anyone.UploadOnPageAsync(pdf);

        Assert.Equal("changed-after-signing", page.Signature());
        Assert.Equal("no", page.QuerySelector("[data-signature]")!.GetAttribute("data-known"));
        Assert.Null(page.State());
    }

    [Fact]
    public async Task CheckPage_BytesAppendedAfterTheSignature_ChangedAfterSigning()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        // An incremental update a reader would show on top of the signed document.
        byte[] pdf = [.. await _app.PdfAsync(document), .. "\n1 0 obj\n<</Title(Forged)>>\nendobj\n%%EOF\n"u8];
        using var anyone = _app.NewBrowser();

        var (_, page) = await anyone.UploadOnPageAsync(pdf);

        Assert.Equal("changed-after-signing", page.Signature());
    }

    [Fact]
    public async Task CheckPage_NotAPdf_ErrorKeepingThePage()
    {
        using var anyone = _app.NewBrowser();

        var (status, page) = await anyone.UploadOnPageAsync("PK\u0003\u0004 not a pdf"u8.ToArray(), "licence.pdf", "/zh-cn/verify");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["所选文件必须是 PDF 文件"], page.ErrorSummary());
        Assert.StartsWith("错误", page.Title);
        Assert.Null(page.Signature());
        Assert.NotNull(page.QuerySelector("input[type=file]#file"));
        Assert.NotNull(page.QuerySelector("input#code"));
    }

    [Fact]
    public async Task CheckPage_NoFile_ErrorToSelectOne()
    {
        using var anyone = _app.NewBrowser();
        using var form = new MultipartFormDataContent { { new StringContent(""), "code" } };

        using var response = await anyone.PostAsync("/verify", form, Cancel);
        var page = await response.ReadPageAsync();

        Assert.Equal(["Select a PDF file"], page.ErrorSummary());
        Assert.Equal("#file", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task CheckPage_UnsignedPdf_NoSignature()
    {
        using var anyone = _app.NewBrowser();

        var (_, page) = await anyone.UploadOnPageAsync(VerifySteps.UnsignedPdf());

        Assert.Equal("no-signature", page.Signature());
        Assert.Equal("This PDF has no signature, so it is not a document as OneStop issued it", page.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
    }
}

public sealed class VerificationPageSqliteTests() : VerificationPageTests(Provider.Sqlite);

public sealed class VerificationPagePostgresTests() : VerificationPageTests(Provider.Postgres);
