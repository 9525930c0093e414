using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Signing;
using OneStop.Identity.Signing;
using OneStop.Platform.Database;

namespace OneStop.Documents.Verifying;

/// <summary>What the upload check says of a file's signature. The API gives these in kebab case.</summary>
public enum SignatureVerdict
{
    Valid,
    /// <summary>The file does not start with <c>%PDF-</c>.</summary>
    NotPdf,
    /// <summary>A PDF without a signature dictionary.</summary>
    NoSignature,
    /// <summary>The signature does not cover the whole file, does not match it, or is damaged.</summary>
    ChangedAfterSigning,
    /// <summary>Sound, but not made with a department key OneStop has on record, or not chaining to its root.</summary>
    UnknownSigner,
}

/// <summary>The result of checking an uploaded file: its signature, and the document OneStop issued with exactly these bytes (if any).</summary>
public sealed record UploadCheckResult(SignatureVerdict Signature, DateTimeOffset? SignedAt, string? SignedByDepartment, string Sha256, VerifiedDocument? Document)
{
    public bool SignatureValid => Signature == SignatureVerdict.Valid;
}

/// <summary>
/// Checks the signature of a PDF someone uploads (a bank, an employer) against the departments' keys on record.
/// The file is read as bytes: the last signature dictionary's <c>/ByteRange</c> and the <c>/Contents</c> it leaves out
/// are found and checked to cover the whole file, so that nothing can be added after signing; nothing else in the
/// file is believed. The signer must be a department key OneStop recorded (retired ones too, so documents signed
/// before a rotation verify) and chain, at the signing time, to OneStop's signing root — or, for a configured PFX
/// key, to the root its PFX carried.
/// </summary>
public sealed class PdfSignatureCheck(OneStopDb db, CertificateAuthority authority, DocumentStatus status, TimeProvider clock)
{
    public async Task<UploadCheckResult> CheckAsync(byte[] pdf, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var located = Locate(pdf);
        if (located.Verdict is { } failed) return new UploadCheckResult(failed, null, null, sha256, null);
        var signature = located.Signature!;

        var cms = new SignedCms(new ContentInfo(signature.SignedContent(pdf)), detached: true);
        SignerInfo signer;
        try
        {
            cms.Decode(signature.Cms);
            if (cms.SignerInfos.Count != 1) return Result(SignatureVerdict.ChangedAfterSigning);
            signer = cms.SignerInfos[0];
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            // OneStop writes one sound signature; a damaged or mismatching one means the file was changed.
            return Result(SignatureVerdict.ChangedAfterSigning);
        }
        var signedAt = SigningTime(signer);
        if (signer.Certificate is not { } certificate) return Result(SignatureVerdict.UnknownSigner, signedAt);

        var thumbprint = DepartmentKeys.Thumbprint(certificate);
        var key = await db.Set<DocumentSigningKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Thumbprint == thumbprint, cancellationToken);
        var document = await status.BySha256Async(sha256, cancellationToken);
        if (key is null || (document is not null && !string.Equals(document.DepartmentCode, key.DepartmentCode, StringComparison.OrdinalIgnoreCase)))
            return Result(SignatureVerdict.UnknownSigner, signedAt);

        var ca = await authority.GetAsync(cancellationToken);
        List<X509Certificate2> anchors = key.Source == "generated"
            ? [ca.Root]
            // A configured PFX's chain travels in the signature (PdfSigner adds it); the certificate itself is pinned by the record above.
            : [.. cms.Certificates.Where(SelfSigned)];
        var extra = cms.Certificates.Concat(ca.Chain);
        if (!Chains(certificate, anchors, extra, signedAt ?? clock.GetUtcNow())) return Result(SignatureVerdict.UnknownSigner, signedAt);
        return new UploadCheckResult(SignatureVerdict.Valid, signedAt, key.DepartmentCode, sha256, document);

        UploadCheckResult Result(SignatureVerdict verdict, DateTimeOffset? at = null) => new(verdict, at, null, sha256, null);
    }

    /// <summary>Where a PDF's last signature is, or why there is none to check. Pure: unit-tested on crafted bytes.</summary>
    public static LocatedSignature Locate(ReadOnlySpan<byte> pdf)
    {
        if (!pdf.StartsWith("%PDF-"u8)) return new(SignatureVerdict.NotPdf, null);
        var at = pdf.LastIndexOf("/ByteRange"u8);
        if (at < 0) return new(SignatureVerdict.NoSignature, null);
        if (ParseRange(pdf[(at + "/ByteRange".Length)..]) is not [var a, var b, var c, var d]) return Changed();
        // The ranges must be the whole file but one gap, and the gap exactly the signature's hex string:
        // anything else (bytes appended, a second gap) is content the signature does not vouch for.
        if (a != 0 || b <= 0 || c <= b + 1 || d < 0 || c + d != pdf.Length) return Changed();
        var (gapStart, gapEnd) = ((int)b, (int)c);
        if (pdf[gapStart] != (byte)'<' || pdf[gapEnd - 1] != (byte)'>') return Changed();
        if (!pdf[..gapStart].TrimEnd(Whitespace).EndsWith("/Contents"u8)) return Changed();
        var hex = pdf[(gapStart + 1)..(gapEnd - 1)];
        if (hex.Length == 0 || hex.Length % 2 != 0 || hex.ContainsAnyExcept(HexDigits)) return Changed();
        var bytes = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(hex));
        try
        {
            // The hex is padded with zeros to the room reserved for it; the CMS is the DER value at its start.
            AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var length);
            return new(null, new PdfSignature(gapStart, gapEnd, bytes[..length]));
        }
        catch (AsnContentException)
        {
            return Changed();
        }

        static LocatedSignature Changed() => new(SignatureVerdict.ChangedAfterSigning, null);
    }

    /// <summary><c>[a b c d]</c> after optional whitespace: four non-negative integers, or null.</summary>
    private static long[]? ParseRange(ReadOnlySpan<byte> rest)
    {
        rest = rest.TrimStart(Whitespace);
        if (rest.IsEmpty || rest[0] != (byte)'[') return null;
        var end = rest.IndexOf((byte)']');
        if (end < 0 || end > 200) return null;
        var numbers = new List<long>();
        foreach (var part in System.Text.Encoding.ASCII.GetString(rest[1..end]).Split((char[])[' ', '\t', '\r', '\n', '\f', '\0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > 12 || !part.All(char.IsAsciiDigit)) return null;
            numbers.Add(long.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
        }
        return numbers.Count == 4 && numbers[2] <= int.MaxValue ? [.. numbers] : null;
    }

    private static ReadOnlySpan<byte> Whitespace => " \t\r\n\f\0"u8;
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdefABCDEF"u8;

    private static DateTimeOffset? SigningTime(SignerInfo signer) =>
        signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>()).OfType<Pkcs9SigningTime>()
            .Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc)))
            .FirstOrDefault();

    private static bool SelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    // At the signing time, to the given roots only: the machine's own trust store plays no part, and revocation is ours (the document's state), not the certificate's.
    private static bool Chains(X509Certificate2 signer, IEnumerable<X509Certificate2> anchors, IEnumerable<X509Certificate2> extra, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        foreach (var anchor in anchors) chain.ChainPolicy.CustomTrustStore.Add(anchor);
        if (chain.ChainPolicy.CustomTrustStore.Count == 0) return false;
        foreach (var certificate in extra) chain.ChainPolicy.ExtraStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(signer);
    }
}

/// <summary>Either why there is no signature to check (<see cref="Verdict"/>), or where it is.</summary>
public sealed record LocatedSignature(SignatureVerdict? Verdict, PdfSignature? Signature);

/// <summary>A signature found in a PDF: the gap its hex fills (<c>[GapStart, GapEnd)</c>, angle brackets included) and its CMS bytes.</summary>
public sealed record PdfSignature(int GapStart, int GapEnd, byte[] Cms)
{
    /// <summary>The two signed ranges joined: the whole file but the gap.</summary>
    public byte[] SignedContent(ReadOnlySpan<byte> pdf) => [.. pdf[..GapStart], .. pdf[GapEnd..]];
}
