using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Profile;
using OneStop.Identity.Signing;

namespace OneStop.Tests.Identity.Signing;

/// <summary>Certificates, signatures and their verification, through the services other modules call.</summary>
public sealed class SigningServiceTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);
    private IServiceProvider Services => _app.Services;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_ConfirmedRequest_IsADetachedCmsThatSignedCmsVerifiesForTheDocument()
    {
        var (person, _) = await Services.NewPersonAsync();
        var document = Signers.NewDocument();

        var signed = await Services.SignAsync(person, document);

        var cms = new SignedCms(new ContentInfo(document), detached: true);
        cms.Decode(signed.Signature);
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Single(cms.SignerInfos);
        var signer = cms.SignerInfos[0];
        Assert.Equal(signed.CertificateSerial, signer.Certificate!.SerialNumber);
        var time = signer.SignedAttributes.Cast<CryptographicAttributeObject>().SelectMany(a => a.Values.Cast<AsnEncodedData>()).OfType<Pkcs9SigningTime>().Single();
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, time.SigningTime, TimeSpan.FromSeconds(1));
        Assert.Equal(2, cms.Certificates.Count); // the signer's, and the CA's
    }

    [Fact]
    public async Task Sign_DocumentWithOneByteChanged_FailsSignedCmsCheck()
    {
        var (person, _) = await Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var signed = await Services.SignAsync(person, document);
        document[3] ^= 0x01;

        var cms = new SignedCms(new ContentInfo(document), detached: true);
        cms.Decode(signed.Signature);

        Assert.ThrowsAny<CryptographicException>(() => cms.CheckSignature(verifySignatureOnly: true));
    }

    [Fact]
    public async Task Sign_OpenSslWithTheCaCertificate_VerifiesTheDocumentAndRejectsAChangedOne()
    {
        if (!File.Exists("/usr/bin/openssl")) Assert.Skip("OpenSSL is not installed.");
        var (person, _) = await Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var signed = await Services.SignAsync(person, document);
        var folder = Directory.CreateTempSubdirectory("onestop-openssl-").FullName;
        var ca = await _app.CreateClient().GetTextAsync(SigningApi.CaCertificatePath);
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.pem"), ca.Body, Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "doc"), document, Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "sig.p7s"), signed.Signature, Ct);
        document[0] ^= 0x01;
        await File.WriteAllBytesAsync(Path.Combine(folder, "changed"), document, Ct);

        var good = await OpenSslVerifyAsync(folder, "doc");
        var bad = await OpenSslVerifyAsync(folder, "changed");

        Assert.True(good.ExitCode == 0, good.Output);
        Assert.NotEqual(0, bad.ExitCode);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task CurrentOrIssue_SecondSigning_ReusesTheFirstCertificate()
    {
        var (person, _) = await Services.NewPersonAsync();

        var first = await Services.SignAsync(person, Signers.NewDocument());
        var second = await Services.SignAsync(person, Signers.NewDocument());

        Assert.Equal(first.CertificateSerial, second.CertificateSerial);
        var all = await Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().ListAsync(person, Ct));
        Assert.Single(all);
    }

    [Fact]
    public async Task CurrentOrIssue_NewPerson_CertificateForSigningOnlyWithTheEmailAsName()
    {
        var (person, email) = await Services.NewPersonAsync();

        var record = await Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().CurrentOrIssueAsync(person, Ct));

        using var certificate = record.Load();
        Assert.Equal(email, certificate.GetNameInfo(X509NameType.SimpleName, false));
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, usage.KeyUsages);
        Assert.True(usage.Critical);
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.InRange(record.NotAfter - record.IssuedAt, TimeSpan.FromDays(730) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(730));
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, certificate.GetECDsaPublicKey()!.ExportParameters(false).Curve.Oid.Value);
    }

    [Fact]
    public async Task CurrentOrIssue_VerifiedEnglishNameInProfile_PutsTheNameInTheCertificate()
    {
        await using var withName = _app.WithWebHostBuilder(b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(b,
            s => s.AddScoped<IProfileReader, FixedNameReader>()));
        var (person, _) = await withName.Services.NewPersonAsync();

        var record = await withName.Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().CurrentOrIssueAsync(person, Ct));

        using var certificate = record.Load();
        Assert.Equal("CHAN, Tai Man", certificate.GetNameInfo(X509NameType.SimpleName, false));
    }

    [Fact]
    public async Task Revoke_ThenVerify_ReportsRevokedAndTheNextSigningIssuesANewCertificate()
    {
        var (person, _) = await Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var before = await Services.SignAsync(person, document);
        var record = await Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().FindBySerialAsync(before.CertificateSerial, Ct));
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        var revoked = await Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().RevokeAsync(person, record!.Id, RevocationReason.KeyCompromise, Ct));
        var check = await Services.WithScopeAsync(s => s.GetRequiredService<SignatureVerifier>().VerifyAsync(document, before.Signature, Ct));
        var after = await Services.SignAsync(person, Signers.NewDocument());

        Assert.True(revoked);
        Assert.Equal(SignatureOutcome.Valid, check.Outcome); // made before the revocation
        Assert.Equal(CertificateStatus.Revoked, check.Status);
        Assert.Equal(RevocationReason.KeyCompromise, check.RevocationReason);
        Assert.NotEqual(before.CertificateSerial, after.CertificateSerial);
        var audit = await Services.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<OneStop.Platform.Database.OneStopDb>().AuditEntries
            .Where(e => e.SubjectId == person).Select(e => e.Event).ToList()));
        Assert.Equal(2, audit.Count(e => e == SigningEvents.CertificateIssued));
        Assert.Equal(2, audit.Count(e => e == SigningEvents.Signed));
        Assert.Single(audit, e => e == SigningEvents.CertificateRevoked);
    }

    [Fact]
    public async Task Verify_AfterTheCertificateExpires_ReportsExpiredButTheSignatureStillValid()
    {
        var (person, _) = await Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var signed = await Services.SignAsync(person, document);
        _app.Clock.Advance(TimeSpan.FromDays(731));

        var check = await Services.WithScopeAsync(s => s.GetRequiredService<SignatureVerifier>().VerifyAsync(document, signed.Signature, Ct));
        var next = await Services.SignAsync(person, Signers.NewDocument());

        Assert.True(check.Valid);
        Assert.Equal(CertificateStatus.Expired, check.Status);
        Assert.NotEqual(signed.CertificateSerial, next.CertificateSerial);
    }

    [Fact]
    public async Task GetSignature_AnotherPersonsRequest_IsNull()
    {
        var (owner, _) = await Services.NewPersonAsync();
        var (other, _) = await Services.NewPersonAsync();
        var signed = await Services.SignAsync(owner, Signers.NewDocument());

        var seen = await Services.WithScopeAsync(s => s.GetRequiredService<IDocumentSigning>().GetSignatureAsync(signed.RequestId, other, Ct));
        var signing = await Services.WithScopeAsync(s => s.GetRequiredService<DocumentSigning>().SignAsync(signed.RequestId, other, Ct));

        Assert.Null(seen);
        Assert.Equal(SignOutcome.NotFound, signing);
    }

    [Fact]
    public async Task Sign_AfterTheRequestExpires_IsRefusedAndNothingIsSigned()
    {
        var (person, _) = await Services.NewPersonAsync();
        var id = await Services.RequestAsync(person, Signers.NewDocument());
        _app.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = await Services.WithScopeAsync(s => s.GetRequiredService<DocumentSigning>().SignAsync(id, person, Ct));

        Assert.Equal(SignOutcome.Expired, outcome);
        Assert.Null(await Services.WithScopeAsync(s => s.GetRequiredService<IDocumentSigning>().GetSignatureAsync(id, person, Ct)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("account")]
    public async Task CreateRequest_ReturnUrlNotALocalPath_IsRefused(string returnUrl)
    {
        var (person, _) = await Services.NewPersonAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Services.RequestAsync(person, Signers.NewDocument(), returnUrl: returnUrl));
    }

    private static async Task<(int ExitCode, string Output)> OpenSslVerifyAsync(string folder, string content)
    {
        var start = new ProcessStartInfo("/usr/bin/openssl") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.p7s", "-content", content, "-CAfile", "ca.pem", "-out", "/dev/null" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync(Ct) + await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, output);
    }

    private sealed class FixedNameReader : IProfileReader
    {
        public Task<IReadOnlyDictionary<string, ProfileValue>> ReadAsync(Guid userId, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, ProfileValue>>(new Dictionary<string, ProfileValue> { [ProfileFields.NameEnglish] = new("CHAN, Tai Man", true) });
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
