using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Identity.Signing;

/// <summary>
/// Writes a detached CMS SignedData (RFC 5652) from the document's SHA-256 alone. SignedCms cannot do this: it
/// always hashes the content itself, and the platform only ever holds the hash. A detached signature never
/// contains the content anyway — what is signed is the DER of the signed attributes, whose messageDigest is
/// the document's hash — so writing the structure ourselves yields exactly what SignedCms or
/// <c>openssl cms -sign -binary</c> would have written for the document, and both verify it against it.
/// </summary>
public static class DetachedCms
{
    private const string IdData = "1.2.840.113549.1.7.1";
    private const string IdSignedData = "1.2.840.113549.1.7.2";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";
    private const string ContentTypeAttribute = "1.2.840.113549.1.9.3";
    private const string MessageDigestAttribute = "1.2.840.113549.1.9.4";
    private const string SigningTimeAttribute = "1.2.840.113549.1.9.5";
    // ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into what is signed, as CAdES-BES asks.
    private const string SigningCertificateV2Attribute = "1.2.840.113549.1.9.16.2.47";

    /// <summary>The DER of a ContentInfo holding a SignedData with one signer and no encapsulated content.</summary>
    /// <param name="chain">Certificates to carry besides the signer's: the issuing CA up to the root.</param>
    public static byte[] Sign(ReadOnlySpan<byte> documentSha256, X509Certificate2 signer, ECDsa key,
        IEnumerable<X509Certificate2> chain, DateTimeOffset signingTime)
    {
        if (documentSha256.Length != SHA256.HashSizeInBytes) throw new ArgumentException("A SHA-256 hash is 32 bytes.", nameof(documentSha256));

        var attributes = new AsnWriter(AsnEncodingRules.DER);
        using (attributes.PushSetOf())
        {
            WriteAttribute(attributes, ContentTypeAttribute, w => w.WriteObjectIdentifier(IdData));
            WriteAttribute(attributes, SigningTimeAttribute, w => WriteTime(w, signingTime));
            var digest = documentSha256.ToArray();
            WriteAttribute(attributes, MessageDigestAttribute, w => w.WriteOctetString(digest));
            var certificateHash = SHA256.HashData(signer.RawData);
            WriteAttribute(attributes, SigningCertificateV2Attribute, w =>
            {
                using (w.PushSequence())        // SigningCertificateV2
                using (w.PushSequence())        // certs
                using (w.PushSequence())        // ESSCertIDv2, hashAlgorithm left at its default, SHA-256
                    w.WriteOctetString(certificateHash);
            });
        }
        // The signature covers the attributes encoded as a SET (tag 0x31); in SignerInfo they sit under [0] IMPLICIT.
        var signedAttributes = attributes.Encode();
        var signature = key.SignData(signedAttributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        signedAttributes[0] = 0xA0;

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())                                                      // ContentInfo
        {
            writer.WriteObjectIdentifier(IdSignedData);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (writer.PushSequence())                                                  // SignedData
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf()) WriteAlgorithm(writer, Sha256);
                using (writer.PushSequence()) writer.WriteObjectIdentifier(IdData);       // no eContent: detached
                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    writer.WriteEncodedValue(signer.RawData);
                    foreach (var certificate in chain) writer.WriteEncodedValue(certificate.RawData);
                }
                using (writer.PushSetOf())
                using (writer.PushSequence())                                              // SignerInfo
                {
                    writer.WriteInteger(1);
                    using (writer.PushSequence())                                          // IssuerAndSerialNumber
                    {
                        writer.WriteEncodedValue(signer.IssuerName.RawData);
                        writer.WriteInteger(signer.SerialNumberBytes.Span);
                    }
                    WriteAlgorithm(writer, Sha256);
                    writer.WriteEncodedValue(signedAttributes);
                    WriteAlgorithm(writer, EcdsaWithSha256);
                    writer.WriteOctetString(signature);
                }
            }
        }
        return writer.Encode();
    }

    private static void WriteAttribute(AsnWriter writer, string type, Action<AsnWriter> value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(type);
            using (writer.PushSetOf()) value(writer);
        }
    }

    // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise; whole seconds either way.
    private static void WriteTime(AsnWriter writer, DateTimeOffset time)
    {
        var seconds = new DateTimeOffset(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (seconds.Year is >= 1950 and < 2050) writer.WriteUtcTime(seconds);
        else writer.WriteGeneralizedTime(seconds, omitFractionalSeconds: true);
    }

    // RFC 5754/5758: SHA-2 and ECDSA algorithm identifiers carry no parameters.
    private static void WriteAlgorithm(AsnWriter writer, string oid)
    {
        using (writer.PushSequence()) writer.WriteObjectIdentifier(oid);
    }
}
