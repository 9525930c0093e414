using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace OneStop.Documents.Signing;

/// <summary>
/// Gives PDFsharp the CMS signature of the bytes it hands over (the whole file but the signature's own
/// placeholder): SHA-256, the signing time, and the certificate with its chain, as <c>adbe.pkcs7.detached</c> expects.
/// </summary>
public sealed class PdfSigner(SigningKey key, DateTimeOffset signingTime) : IDigitalSigner
{
    public string CertificateName => key.Certificate.GetNameInfo(X509NameType.SimpleName, false);

    // Room for the signature in the file, hex-encoded by PDFsharp: a chain of two or three certificates fits well within it.
    public Task<int> GetSignatureSizeAsync() => Task.FromResult(12 * 1024);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // PDFsharp's ranged stream cannot seek or report its position; it reads the signed ranges in one call of its full length.
        var content = new byte[stream.Length];
        stream.ReadExactly(content);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, key.Certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (var certificate in key.Chain) signer.Certificates.Add(certificate);
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }
}
