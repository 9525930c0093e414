using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Signing;

/// <summary>
/// The CA that issues people's signing certificates, with its key. <see cref="Chain"/> runs from the issuing
/// CA up to <see cref="Root"/>, the trust anchor that verifiers (and /signing/ca.crt) use.
/// </summary>
public sealed class IssuingAuthority(X509Certificate2 certificate, AsymmetricAlgorithm key, IReadOnlyList<X509Certificate2> chain, X509Certificate2 root)
{
    public X509Certificate2 Certificate { get; } = certificate;
    public AsymmetricAlgorithm Key { get; } = key;
    public IReadOnlyList<X509Certificate2> Chain { get; } = chain;
    public X509Certificate2 Root { get; } = root;

    public X509SignatureGenerator SignatureGenerator => Key switch
    {
        ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        _ => throw new NotSupportedException("The signing CA's key must be ECDSA or RSA."),
    };

    /// <summary>SHA-384 for a P-384 or larger key, so the hash is no weaker than the key.</summary>
    public HashAlgorithmName SignatureHash => Key.KeySize >= 384 && Key is ECDsa ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
}

/// <summary>
/// Loads the issuing CA once per node: from the configured PFX, or else from the database, generating and
/// storing a root CA there on first use (its key protected with Data Protection).
/// </summary>
public sealed class CertificateAuthority(IOptions<SigningOptions> options, IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IssuingAuthority? _authority;

    internal const string KeyPurpose = "OneStop.Identity.Signing.AuthorityKey.v1";

    public async Task<IssuingAuthority> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_authority is { } loaded) return loaded;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _authority ??= options.Value.CaCertificatePath is { Length: > 0 } path
                ? LoadPfx(path, options.Value.CaCertificatePassword)
                : await LoadOrCreateStoredAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads a PFX: the certificate with a private key is the issuer; a self-signed one, if present, the root.</summary>
    public static IssuingAuthority LoadPfx(string path, string? password)
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        var issuer = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException("Signing:CaCertificatePath must be a PFX with the CA's private key.");
        if (issuer.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
            throw new InvalidOperationException("The certificate in Signing:CaCertificatePath is not a CA certificate (basic constraints cA is not set).");
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)issuer.GetECDsaPrivateKey() ?? issuer.GetRSAPrivateKey()
            ?? throw new InvalidOperationException("The signing CA's key must be ECDSA or RSA.");
        var publicIssuer = X509CertificateLoader.LoadCertificate(issuer.RawData);
        var others = all.Where(c => !c.HasPrivateKey).Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList();
        var root = others.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData)) ?? publicIssuer;
        var chain = new List<X509Certificate2> { publicIssuer };
        chain.AddRange(others.Where(c => c != root));
        if (root != publicIssuer) chain.Add(root);
        return new IssuingAuthority(publicIssuer, key, chain, root);
    }

    private async Task<IssuingAuthority> LoadOrCreateStoredAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var protector = protection.CreateProtector(KeyPurpose);
        var stored = await db.Set<StoredAuthority>().AsNoTracking().SingleOrDefaultAsync(a => a.Name == StoredAuthority.DefaultName, cancellationToken);
        if (stored is null)
        {
            stored = Generate(protector);
            db.Add(stored);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record(SigningEvents.AuthorityCreated, null, null, "signing-authority", stored.Name);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node created it first: use theirs, so every node issues under the same CA.
                db.ChangeTracker.Clear();
                stored = await db.Set<StoredAuthority>().AsNoTracking().SingleAsync(a => a.Name == StoredAuthority.DefaultName, cancellationToken);
            }
        }
        var certificate = X509CertificateLoader.LoadCertificate(stored.Certificate);
        var key = ECDsa.Create();
        var pkcs8 = protector.Unprotect(stored.ProtectedKey);
        try { key.ImportPkcs8PrivateKey(pkcs8, out _); }
        finally { CryptographicOperations.ZeroMemory(pkcs8); }
        return new IssuingAuthority(certificate, key, [certificate], certificate);
    }

    private StoredAuthority Generate(IDataProtector protector)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("HK");
        name.AddOrganizationName("OneStop");
        name.AddCommonName("OneStop Signing CA (generated " + clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ")");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA384);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            return new StoredAuthority
            {
                Name = StoredAuthority.DefaultName,
                Certificate = certificate.RawData,
                ProtectedKey = protector.Protect(pkcs8),
                CreatedAt = now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
