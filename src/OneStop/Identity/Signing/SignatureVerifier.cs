using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OneStop.Identity.Signing;

/// <summary>Why a signature is or is not valid. Codes are stable: the API returns them in kebab case.</summary>
public enum SignatureOutcome
{
    Valid,
    /// <summary>The signature is sound but was made over different bytes.</summary>
    DocumentMismatch,
    /// <summary>The signer's certificate does not chain to OneStop's CA.</summary>
    UnknownIssuer,
    /// <summary>The certificate was outside its validity, or already revoked, when the signature says it was made.</summary>
    CertificateNotValidWhenSigned,
}

/// <summary>What a verifier may learn: only what the signer's certificate itself shows, and its status now.</summary>
public sealed record VerificationResult(
    SignatureOutcome Outcome,
    string DocumentSha256,
    DateTimeOffset? SignedAt,
    string? SignerName,
    string? SignerSerialNumber,
    string? CertificateSerial,
    DateTimeOffset? CertificateNotBefore,
    DateTimeOffset? CertificateNotAfter,
    bool ChainsToOneStop,
    CertificateStatus? Status,
    DateTimeOffset? RevokedAt,
    RevocationReason? RevocationReason)
{
    public bool Valid => Outcome == SignatureOutcome.Valid;
}

/// <summary>Thrown for input that is not a CMS SignedData with exactly one signer.</summary>
public sealed class UnreadableSignatureException(string message) : Exception(message);

/// <summary>
/// Checks a detached CMS signature against the document, the signer's certificate against OneStop's CA, and
/// the certificate's status in the database. Public: it needs nothing but the two files.
/// </summary>
public sealed class SignatureVerifier(CertificateAuthority authority, SigningCertificates certificates, TimeProvider clock)
{
    public async Task<VerificationResult> VerifyAsync(byte[] document, byte[] signature, CancellationToken cancellationToken = default)
    {
        var documentHash = Convert.ToHexStringLower(SHA256.HashData(document));
        var cms = new SignedCms(new ContentInfo(document), detached: true);
        try
        {
            cms.Decode(Der(signature));
        }
        catch (CryptographicException)
        {
            throw new UnreadableSignatureException("This is not a CMS (PKCS #7) signature.");
        }
        if (cms.SignerInfos.Count != 1) throw new UnreadableSignatureException("The signature must have exactly one signer.");
        var signerInfo = cms.SignerInfos[0];
        var signer = signerInfo.Certificate ?? throw new UnreadableSignatureException("The signature does not carry its signer's certificate.");
        var signedAt = signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>()).OfType<Pkcs9SigningTime>()
            .Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc)))
            .FirstOrDefault();

        var matches = true;
        try
        {
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            matches = false;
        }

        var ca = await authority.GetAsync(cancellationToken);
        var chains = Chains(signer, cms.Certificates, ca, signedAt ?? clock.GetUtcNow());
        var record = chains ? await certificates.FindBySerialAsync(signer.SerialNumber, cancellationToken) : null;
        // The row must be this very certificate, not merely one with the same serial number.
        if (record is not null && !record.Certificate.AsSpan().SequenceEqual(signer.RawData)) record = null;

        var outcome = !matches ? SignatureOutcome.DocumentMismatch
            : !chains || record is null ? SignatureOutcome.UnknownIssuer
            : signedAt is null || signedAt < record.NotBefore || signedAt > record.NotAfter || record.RevokedAt <= signedAt
                ? SignatureOutcome.CertificateNotValidWhenSigned
                : SignatureOutcome.Valid;

        return new VerificationResult(outcome, documentHash, signedAt,
            signer.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
            SubjectSerial(signer), signer.SerialNumber,
            signer.NotBefore.ToUniversalTime(), signer.NotAfter.ToUniversalTime(),
            chains && record is not null,
            record?.StatusAt(clock.GetUtcNow()), record?.RevokedAt, record?.RevocationReason);
    }

    /// <summary>Accepts DER, base64 (as pasted) or PEM.</summary>
    public static byte[] Der(byte[] input)
    {
        if (input.Length > 0 && input[0] == 0x30) return input;
        var text = Encoding.ASCII.GetString(input).Trim();
        if (PemEncoding.TryFind(text, out var pem)) text = text[pem.Base64Data];
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new UnreadableSignatureException("This is not a CMS (PKCS #7) signature.");
        }
    }

    // Chains at the time of signing, to our root only: the machine's own trust store plays no part.
    private static bool Chains(X509Certificate2 signer, X509Certificate2Collection carried, IssuingAuthority ca, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca.Root);
        chain.ChainPolicy.ExtraStore.AddRange(carried);
        foreach (var certificate in ca.Chain) chain.ChainPolicy.ExtraStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // status comes from our own rows
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(signer);
    }

    private static string? SubjectSerial(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(n => n.GetSingleElementType().Value == "2.5.4.5")?.GetSingleElementValue();
}
