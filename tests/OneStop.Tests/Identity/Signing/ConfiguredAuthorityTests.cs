using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using OneStop.Identity.Signing;

namespace OneStop.Tests.Identity.Signing;

/// <summary>Production's CA: a PFX from configuration, checked when the app starts.</summary>
public sealed class ConfiguredAuthorityTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);
    private readonly string _folder = Directory.CreateTempSubdirectory("onestop-ca-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pfx_IssuingCaUnderARoot_SignaturesCarryTheChainAndVerifyAgainstTheRoot()
    {
        var (pfx, root) = WriteIssuingCaPfx("secret");
        await using var app = _app.WithWebHostBuilder(b => b
            .UseSetting("Signing:CaCertificatePath", pfx).UseSetting("Signing:CaCertificatePassword", "secret"));
        var (person, _) = await app.Services.NewPersonAsync();
        var document = Signers.NewDocument();

        var signed = await app.Services.SignAsync(person, document);
        var check = await app.Services.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<SignatureVerifier>(s).VerifyAsync(document, signed.Signature, Ct));
        var (_, published) = await app.CreateClient().GetTextAsync(SigningApi.CaCertificatePath);

        Assert.True(check.Valid);
        using var publishedRoot = X509Certificate2.CreateFromPem(published);
        Assert.Equal(root.Thumbprint, publishedRoot.Thumbprint);
        if (File.Exists("/usr/bin/openssl"))
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, "ca.pem"), published, Ct);
            await File.WriteAllBytesAsync(Path.Combine(_folder, "doc"), document, Ct);
            await File.WriteAllBytesAsync(Path.Combine(_folder, "sig.p7s"), signed.Signature, Ct);
            var start = new ProcessStartInfo("/usr/bin/openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.p7s", "-content", "doc", "-CAfile", "ca.pem", "-out", "/dev/null"])
                { WorkingDirectory = _folder, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            Assert.True(process.ExitCode == 0, output);
        }
    }

    [Fact]
    public async Task Pfx_WrongPassword_StopsTheAppAtStart()
    {
        var (pfx, _) = WriteIssuingCaPfx("secret");
        await using var app = _app.WithWebHostBuilder(b => b
            .UseSetting("Signing:CaCertificatePath", pfx).UseSetting("Signing:CaCertificatePassword", "wrong"));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains("Signing:CaCertificatePath", error.GetBaseException().Message);
    }

    [Fact]
    public async Task Production_WithProtectedKeysButNoCa_StopsTheAppAtStart()
    {
        var keys = Path.Combine(_folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        using (var certificate = new CertificateRequest("CN=keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                   .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)))
            await File.WriteAllBytesAsync(keys, certificate.Export(X509ContentType.Pkcs12, "k"), Ct);
        await using var production = new OneStopApp(Provider.Sqlite, seed: false) { Environment = "Production" };
        await using var app = production.WithWebHostBuilder(b => b
            .UseSetting("DataProtection:AllowUnprotectedKeys", "false")
            .UseSetting("DataProtection:CertificatePath", keys).UseSetting("DataProtection:CertificatePassword", "k"));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Signing:CaCertificatePath is required in Production", error.GetBaseException().Message);
    }

    /// <summary>A root, and an issuing CA under it whose PFX also carries the root.</summary>
    private (string Path, X509Certificate2 Root) WriteIssuingCaPfx(string password)
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var rootRequest = new CertificateRequest("CN=Test Root CA, O=OneStop", rootKey, HashAlgorithmName.SHA384);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        using var issuingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuingRequest = new CertificateRequest("CN=Test Issuing CA, O=OneStop", issuingKey, HashAlgorithmName.SHA256);
        issuingRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        issuingRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        issuingRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(issuingRequest.PublicKey, false));
        issuingRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var issuing = issuingRequest.Create(root, now.AddDays(-1), now.AddYears(5), RandomNumberGenerator.GetBytes(12));
        using var issuingWithKey = issuing.CopyWithPrivateKey(issuingKey);

        var path = Path.Combine(_folder, "issuing.pfx");
        File.WriteAllBytes(path, new X509Certificate2Collection { issuingWithKey, X509CertificateLoader.LoadCertificate(root.RawData) }.Export(X509ContentType.Pkcs12, password)!);
        return (path, root);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
