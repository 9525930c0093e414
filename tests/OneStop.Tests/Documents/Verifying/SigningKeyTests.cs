using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Documents.Signing;
using OneStop.Documents.Verifying;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Verifying;

/// <summary>Department keys: a rotation from the command line, and a key configured as a PFX; either way every document keeps verifying.</summary>
public abstract class SigningKeyTests(Provider provider) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onestop-keys-").FullName;
    private OneStopApp? _app;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Cli_RotateKey_NextDocumentSignedByANewCertificateAndBothVerify()
    {
        _app = new OneStopApp(provider);
        var (_, _, _, before) = await _app.IssuedDocumentAsync();

        var rotated = await Cli.RunAsync(["documents", "rotate-key", "td", .. _app.CliConfiguration]);
        var (_, _, _, after) = await _app.IssuedDocumentAsync();

        Assert.True(rotated.ExitCode == 0, rotated.Error);
        byte[] first = await _app.PdfAsync(before), second = await _app.PdfAsync(after);
        var (firstSigner, secondSigner) = (SignerThumbprint(first), SignerThumbprint(second));
        Assert.NotEqual(firstSigner, secondSigner);
        Assert.Equal(rotated.Output.Trim(), secondSigner);
        var keys = await _app.QueryAsync(db => db.Set<DocumentSigningKey>().Where(k => k.DepartmentCode == "TD").ToListAsync(Cancel));
        Assert.NotNull(keys.Single(k => k.Thumbprint == firstSigner).RetiredAt);
        Assert.Null(keys.Single(k => k.Thumbprint == secondSigner).RetiredAt);
        Assert.Equal(after.SigningKeyId, keys.Single(k => k.Thumbprint == secondSigner).Id);
        using var anyone = _app.NewBrowser();
        foreach (var (pdf, document) in new[] { (first, before), (second, after) })
        {
            var (_, page) = await anyone.UploadOnPageAsync(pdf);
            Assert.Equal("valid", page.Signature());
            Assert.Equal(document.Number, page.Field("number"));
            Assert.Contains("Signature Validation: Signature is Valid.", await DocumentSteps.PdfsigAsync(pdf));
        }
    }

    [Fact]
    public async Task Cli_RotateKey_UnknownDepartmentOrNoDepartment_Refused()
    {
        _app = new OneStopApp(provider);
        await _app.QueryAsync(db => db.Departments.AnyAsync(Cancel)); // migrated and seeded before the command runs

        var unknown = await Cli.RunAsync(["documents", "rotate-key", "NOPE", .. _app.CliConfiguration]);
        var usage = await Cli.RunAsync(["documents", "rotate-key", .. _app.CliConfiguration]);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no department NOPE.", unknown.Error);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("documents rotate-key DEPT", usage.Error);
    }

    [Fact]
    public async Task ConfiguredPfx_SignsNewDocumentsAndTheUploadCheckAcceptsIt()
    {
        var (pfx, signer) = TestPfx("TD licensing office");
        _app = new OneStopApp(provider)
        {
            Settings = new()
            {
                ["Documents:SigningKeys:0:Department"] = "TD",
                ["Documents:SigningKeys:0:Path"] = pfx,
                ["Documents:SigningKeys:0:Password"] = "test-only",
            },
        };

        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var pdf = await _app.PdfAsync(document);
        using var anyone = _app.NewBrowser();
        using var response = await anyone.UploadToApiAsync(pdf);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        Assert.Equal(DepartmentKeys.Thumbprint(signer), SignerThumbprint(pdf));
        Assert.Equal("configured", await _app.QueryAsync(db => db.Set<DocumentSigningKey>().Where(k => k.Id == document.SigningKeyId).Select(k => k.Source).SingleAsync(Cancel)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("valid", true, "TD", true), ((string?)result!["signature"], (bool?)result["signatureValid"], (string?)result["signedBy"], (bool?)result["known"]));
        Assert.Equal(document.Number, (string?)result["document"]!["number"]);
        var report = await DocumentSteps.PdfsigAsync(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("TD licensing office", report);
    }

    [Fact]
    public async Task UploadCheck_SignedWithAKeyOneStopDoesNotHold_UnknownSigner()
    {
        _app = new OneStopApp(provider);
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        // Someone's own certificate named like a department's: sound signature, unknown signer.
        var (_, stranger) = TestPfx("TD document signing");
        var forged = await SignedPdfAsync(stranger);
        using var anyone = _app.NewBrowser();

        var (_, page) = await anyone.UploadOnPageAsync(forged);
        using var response = await anyone.UploadToApiAsync(forged);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        Assert.Contains("Signature Validation: Signature is Valid.", await DocumentSteps.PdfsigAsync(forged));
        Assert.Equal("unknown-signer", page.Signature());
        Assert.Equal(("unknown-signer", false, false), ((string?)result!["signature"], (bool?)result["signatureValid"], (bool?)result["known"]));
        Assert.Null(result["document"]);
        Assert.NotEqual(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(forged)));
    }

    /// <summary>The SHA-256 thumbprint of the certificate that signed a PDF, read from its signature.</summary>
    internal static string SignerThumbprint(byte[] pdf)
    {
        var located = PdfSignatureCheck.Locate(pdf);
        Assert.Null(located.Verdict);
        var cms = new SignedCms(new ContentInfo(located.Signature!.SignedContent(pdf)), detached: true);
        cms.Decode(located.Signature.Cms);
        return DepartmentKeys.Thumbprint(cms.SignerInfos[0].Certificate!);
    }

    /// <summary>A PFX as a department would configure it: an ECDSA signing certificate issued by its own CA, carrying that CA.</summary>
    private (string Path, X509Certificate2 Signer) TestPfx(string commonName)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=Test department CA {Guid.NewGuid():N}, O=Test, C=HK", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, OU=TD, O=Test, C=HK", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var issued = request.Create(ca, now.AddDays(-1), now.AddYears(2), RandomNumberGenerator.GetBytes(16));
        var signer = issued.CopyWithPrivateKey(key);

        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, new X509Certificate2Collection { signer, X509CertificateLoader.LoadCertificate(ca.RawData) }.Export(X509ContentType.Pfx, "test-only")!);
        return (path, signer);
    }

    /// <summary>A one-page PDF signed as OneStop signs, but with <paramref name="certificate"/>.</summary>
    private static async Task<byte[]> SignedPdfAsync(X509Certificate2 certificate)
    {
        using var pdf = new PdfSharp.Pdf.PdfDocument();
        pdf.AddPage();
        PdfSharp.Pdf.Signatures.DigitalSignatureHandler.ForDocument(pdf, new PdfSigner(new SigningKey(Guid.NewGuid(), "TD", certificate, []), DateTimeOffset.UtcNow),
            new PdfSharp.Pdf.Signatures.DigitalSignatureOptions { Rectangle = new PdfSharp.Drawing.XRect(0, 0, 0, 0), PageIndex = 0 });
        using var output = new MemoryStream();
        await pdf.SaveAsync(output);
        return output.ToArray();
    }
}

public sealed class SigningKeySqliteTests() : SigningKeyTests(Provider.Sqlite);

public sealed class SigningKeyPostgresTests() : SigningKeyTests(Provider.Postgres);
