using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Identity.Profile;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Signing;

/// <summary>
/// People's signing certificates: issued on first use, reused while good, replaced when revoked or expired,
/// revocable by their owner. Each certificate's private key is held by the platform, encrypted with Data
/// Protection under a purpose that names the person, so one person's key blob cannot be opened as another's.
/// </summary>
public sealed class SigningCertificates(OneStopDb db, CertificateAuthority authority, IProfileReader profile,
    IDataProtectionProvider protection, AuditLog audit, TimeProvider clock, IOptions<SigningOptions> options)
{
    /// <summary>The person's good certificate from the current CA, issuing one when there is none.</summary>
    public async Task<SigningCertificate> CurrentOrIssueAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var ca = await authority.GetAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var mine = await db.Set<SigningCertificate>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var current = mine
                .Where(c => c.StatusAt(now) == CertificateStatus.Good && IssuedBy(c, ca))
                .MaxBy(c => c.Sequence);
            if (current is not null) return current;
            try
            {
                return await IssueAsync(userId, mine, ca, cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request issued one at the same moment (same Sequence): use that one.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<IReadOnlyList<SigningCertificate>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await db.Set<SigningCertificate>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.Sequence).ToList();

    public async Task<SigningCertificate?> FindBySerialAsync(string serialNumber, CancellationToken cancellationToken = default)
    {
        var serial = serialNumber.Trim().ToUpperInvariant();
        return await db.Set<SigningCertificate>().AsNoTracking().SingleOrDefaultAsync(c => c.SerialNumber == serial, cancellationToken);
    }

    /// <summary>Revokes one of the person's own good certificates; false when it is not theirs or already revoked.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid certificateId, RevocationReason reason, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Set<SigningCertificate>().SingleOrDefaultAsync(c => c.Id == certificateId && c.UserId == userId, cancellationToken);
        if (certificate is null || certificate.RevokedAt is not null) return false;
        certificate.RevokedAt = clock.GetUtcNow();
        certificate.RevocationReason = reason;
        audit.Record(SigningEvents.CertificateRevoked, userId, userId, "signing-certificate", certificate.SerialNumber, reason.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The certificate's private key, decrypted for one signature; dispose it straight after.</summary>
    public ECDsa OpenKey(SigningCertificate certificate)
    {
        var pkcs8 = Protector(certificate.UserId).Unprotect(certificate.ProtectedKey);
        try
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private async Task<SigningCertificate> IssueAsync(Guid userId, IReadOnlyList<SigningCertificate> previous, IssuingAuthority ca,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var fields = await profile.ReadAsync(userId, [ProfileFields.NameEnglish], cancellationToken);
        // Only a name proved at identity verification goes into a certificate; otherwise the email, which was confirmed.
        var name = fields.TryGetValue(ProfileFields.NameEnglish, out var english) && english.Verified && !string.IsNullOrWhiteSpace(english.Value)
            ? english.Value.Trim()
            : user.Email ?? throw new InvalidOperationException("An account without an email address cannot be issued a certificate.");
        var subjectSerial = previous.OrderBy(c => c.Sequence).FirstOrDefault()?.SubjectSerial ?? NewSubjectSerial();

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("HK");
        subject.AddCommonName(name);
        subject.Add("2.5.4.5", subjectSerial, System.Formats.Asn1.UniversalTagNumber.PrintableString); // serialNumber
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        // documentSigning (RFC 9336) says what it is for; emailProtection because OpenSSL's cms -verify checks
        // the S/MIME signing purpose by default, and a verifier should not need to know to add -purpose any.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.36"), new Oid("1.3.6.1.5.5.7.3.4") }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca.Certificate, true, false));

        var now = clock.GetUtcNow();
        var notBefore = now.AddMinutes(-1);
        var notAfter = now + options.Value.CertificateLifetime;
        if (notAfter > ca.Certificate.NotAfter.ToUniversalTime()) notAfter = ca.Certificate.NotAfter.ToUniversalTime();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)(serial[0] & 0x7F | 0x40); // positive, and no leading zero byte to strip
        using var issued = request.Create(ca.Certificate.SubjectName, ca.SignatureGenerator, notBefore, notAfter, serial);

        var pkcs8 = key.ExportPkcs8PrivateKey();
        SigningCertificate certificate;
        try
        {
            certificate = new SigningCertificate
            {
                Id = Guid.NewGuid(),
                UserId = userId,
                Sequence = previous.Count == 0 ? 1 : previous.Max(c => c.Sequence) + 1,
                SerialNumber = issued.SerialNumber,
                SubjectSerial = subjectSerial,
                Certificate = issued.RawData,
                ProtectedKey = Protector(userId).Protect(pkcs8),
                IssuedAt = now,
                NotBefore = issued.NotBefore.ToUniversalTime(),
                NotAfter = issued.NotAfter.ToUniversalTime(),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
        db.Add(certificate);
        audit.Record(SigningEvents.CertificateIssued, userId, userId, "signing-certificate", certificate.SerialNumber);
        await db.SaveChangesAsync(cancellationToken);
        return certificate;
    }

    private static bool IssuedBy(SigningCertificate certificate, IssuingAuthority ca)
    {
        using var loaded = certificate.Load();
        if (!loaded.IssuerName.RawData.AsSpan().SequenceEqual(ca.Certificate.SubjectName.RawData)) return false;
        // A CA renewed under the same name has a new key: certificates from the old one are replaced.
        var issuerKey = loaded.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()?.KeyIdentifier;
        var caKey = ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes;
        return issuerKey is null || caKey is null || issuerKey.Value.Span.SequenceEqual(caKey.Value.Span);
    }

    private IDataProtector Protector(Guid userId) =>
        protection.CreateProtector("OneStop.Identity.Signing.UserKey.v1", userId.ToString("N"));

    // Ten characters from an alphabet without look-alikes: a pseudonym, not a database key.
    private static string NewSubjectSerial() =>
        "OS" + RandomNumberGenerator.GetString("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 10);
}
