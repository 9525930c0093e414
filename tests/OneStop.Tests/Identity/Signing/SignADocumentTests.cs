using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OneStop.Tests.Identity.Signing;

/// <summary>A person signs a file of their own and takes away a signature that the public check accepts.</summary>
public sealed class SignADocumentTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task SignADocument_AdvancedPerson_DownloadsASignatureThePublicCheckAccepts()
    {
        var client = Browser();
        await client.AdvancedAsync(_app);
        var file = Encoding.UTF8.GetBytes("Tenancy agreement, flat 12A, " + Guid.NewGuid());

        using var upload = await UploadAsync(client, "/zh-hk/account/sign-a-document", file, "tenancy.txt");
        Assert.Matches("^/zh-hk/account/sign/[0-9a-f-]{36}$", upload.Location());
        var (_, confirm) = await client.GetPageAsync(upload.Location());
        Assert.Contains("tenancy.txt", confirm.QuerySelector("main")!.TextContent);
        using var signed = await client.SubmitAsync(upload.Location(), new Dictionary<string, string>());
        Assert.StartsWith("/zh-hk/account/sign-a-document/signed?id=", signed.Location());
        var (_, done) = await client.GetPageAsync(signed.Location());
        Assert.Contains("tenancy.txt", done.QuerySelector(".govuk-panel")!.TextContent);
        var download = System.Net.WebUtility.HtmlDecode(done.QuerySelector("a[data-signature]")!.GetAttribute("href")!);
        var signature = await client.GetByteArrayAsync(download, Ct);

        using var check = await Browser().PostAsJsonAsync("/api/v1/signatures/verify",
            new { document = Convert.ToBase64String(file), signature = Convert.ToBase64String(signature) }, Ct);
        var result = await check.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        using var stranger = _app.CreateClient(new() { AllowAutoRedirect = false });
        await stranger.SignedInAsync(_app);
        using var theirs = await stranger.GetAsync(download, Ct);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task SignADocument_NoFileChosen_ShowsTheErrorInTheUsersLanguage()
    {
        var client = Browser();
        await client.SignedInAsync(_app);

        using var response = await client.SubmitAsync("/zh-cn/account/sign-a-document", new Dictionary<string, string>());
        var page = await response.ReadPageAsync();

        Assert.Equal("请选择要签署的文件", Assert.Single(page.ErrorSummary()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] file, string name)
    {
        var (_, page) = await client.GetPageAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Document", name },
        };
        return await client.PostAsync(url, form, Ct);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
