using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Identity.Signing;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Documents.Signing;

/// <summary>A department's current key, ready to sign: the certificate with its private key and the chain to carry.</summary>
public sealed record SigningKey(Guid Id, string DepartmentCode, X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain);

/// <summary>
/// Departments' document-signing keys (singleton). A department with a configured PFX signs with it; any other
/// signs with a key generated on first use, certified by OneStop's CA (<see cref="CertificateAuthority"/>) and
/// stored protected. Either way every certificate is recorded in <see cref="DocumentSigningKey"/>, so a document
/// signed before a rotation still verifies. Keys are cached per node for <see cref="DocumentsOptions.KeyCacheLifetime"/>.
/// </summary>
public sealed class DepartmentKeys(IOptions<DocumentsOptions> options, IServiceScopeFactory scopes, CertificateAuthority authority,
    IDataProtectionProvider protection, TimeProvider clock)
{
    internal const string KeyPurpose = "OneStop.Documents.SigningKey.v1";
    private readonly ConcurrentDictionary<string, (SigningKey Key, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<SigningKey> CurrentAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(departmentCode, out var cached) && cached.Until > now) return cached.Key;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(departmentCode, out cached) && cached.Until > now) return cached.Key;
            var key = options.Value.SigningKeys.FirstOrDefault(k => string.Equals(k.Department, departmentCode, StringComparison.OrdinalIgnoreCase)) is { } configured
                ? await LoadConfiguredAsync(departmentCode, configured, cancellationToken)
                : await LoadOrGenerateAsync(departmentCode, rotate: false, cancellationToken);
            _cache[departmentCode] = (key, now + options.Value.KeyCacheLifetime);
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Retires a generated key and makes a new one (the CLI's <c>documents rotate-key</c>). A configured key is
    /// rotated by configuring a new file instead. Returns the new key's certificate thumbprint.
    /// </summary>
    public async Task<string> RotateAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        if (options.Value.SigningKeys.Any(k => string.Equals(k.Department, departmentCode, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"{departmentCode}'s key comes from Documents:SigningKeys; configure a new PFX to rotate it.");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var key = await LoadOrGenerateAsync(departmentCode, rotate: true, cancellationToken);
            _cache[departmentCode] = (key, clock.GetUtcNow() + options.Value.KeyCacheLifetime);
            return Thumbprint(key.Certificate);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    private async Task<SigningKey> LoadConfiguredAsync(string departmentCode, ConfiguredSigningKey configured, CancellationToken cancellationToken)
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(configured.Path, configured.Password, X509KeyStorageFlags.EphemeralKeySet);
        var signer = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"Documents:SigningKeys for {departmentCode}: {configured.Path} holds no private key.");
        var chain = all.Where(c => !c.HasPrivateKey).ToList();
        var id = await RecordAsync(departmentCode, signer, protectedKey: null, "configured", cancellationToken);
        return new SigningKey(id, departmentCode.ToUpperInvariant(), signer, chain);
    }

    private async Task<SigningKey> LoadOrGenerateAsync(string departmentCode, bool rotate, CancellationToken cancellationToken)
    {
        var code = departmentCode.ToUpperInvariant();
        var ca = await authority.GetAsync(cancellationToken);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var protector = protection.CreateProtector(KeyPurpose);
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Set<DocumentSigningKey>().AsNoTracking()
            .Where(k => k.DepartmentCode == code && k.Source == "generated" && k.RetiredAt == null && k.NotAfter > now)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (stored is null || rotate)
        {
            if (rotate)
                await db.Set<DocumentSigningKey>().Where(k => k.DepartmentCode == code && k.Source == "generated" && k.RetiredAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), cancellationToken);
            stored = Generate(code, ca, protector);
            db.Add(stored);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record(DocumentAuditEvents.KeyCreated, null, null, "signing-key", stored.Thumbprint, rotate ? "rotated" : "first use", code);
            await db.SaveChangesAsync(cancellationToken);
        }
        var certificate = X509CertificateLoader.LoadCertificate(stored.Certificate);
        using var key = ECDsa.Create();
        var pkcs8 = protector.Unprotect(stored.ProtectedKey!);
        try { key.ImportPkcs8PrivateKey(pkcs8, out _); }
        finally { CryptographicOperations.ZeroMemory(pkcs8); }
        return new SigningKey(stored.Id, code, certificate.CopyWithPrivateKey(key), ca.Chain);
    }

    private DocumentSigningKey Generate(string departmentCode, IssuingAuthority ca, IDataProtector protector)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("HK");
        name.AddOrganizationName("OneStop");
        name.AddOrganizationalUnitName(departmentCode);
        name.AddCommonName($"{departmentCode} document signing");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca.Certificate, true, false));
        var now = clock.GetUtcNow();
        var notAfter = now + options.Value.GeneratedKeyLifetime;
        if (notAfter > ca.Certificate.NotAfter) notAfter = ca.Certificate.NotAfter.ToUniversalTime();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca.Certificate.SubjectName, ca.SignatureGenerator, now.AddMinutes(-5), notAfter, serial);
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            return new DocumentSigningKey
            {
                Id = Guid.NewGuid(),
                DepartmentCode = departmentCode,
                Thumbprint = Thumbprint(certificate),
                Certificate = certificate.RawData,
                ProtectedKey = protector.Protect(pkcs8),
                Source = "generated",
                CreatedAt = now.UtcDateTime,
                NotAfter = notAfter.UtcDateTime,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>Records a configured certificate the first time it is seen; returns its row's id.</summary>
    private async Task<Guid> RecordAsync(string departmentCode, X509Certificate2 certificate, byte[]? protectedKey, string source, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var thumbprint = Thumbprint(certificate);
        if (await db.Set<DocumentSigningKey>().Where(k => k.Thumbprint == thumbprint).Select(k => (Guid?)k.Id).SingleOrDefaultAsync(cancellationToken) is { } known) return known;
        var row = new DocumentSigningKey
        {
            Id = Guid.NewGuid(),
            DepartmentCode = departmentCode.ToUpperInvariant(),
            Thumbprint = thumbprint,
            Certificate = certificate.RawData,
            ProtectedKey = protectedKey,
            Source = source,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            NotAfter = certificate.NotAfter.ToUniversalTime(),
        };
        db.Add(row);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(DocumentAuditEvents.KeyCreated, null, null, "signing-key", thumbprint, source, row.DepartmentCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row.Id;
        }
        catch (DbUpdateException)
        {
            // Another node recorded it first.
            db.ChangeTracker.Clear();
            return await db.Set<DocumentSigningKey>().Where(k => k.Thumbprint == thumbprint).Select(k => k.Id).SingleAsync(cancellationToken);
        }
    }
}
