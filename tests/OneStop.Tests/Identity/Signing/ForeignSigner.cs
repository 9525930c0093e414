using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OneStop.Identity.Signing;

namespace OneStop.Tests.Identity.Signing;

/// <summary>A signature made in exactly OneStop's format, but under a CA that OneStop has never heard of.</summary>
public static class ForeignSigner
{
    public static byte[] Sign(byte[] document, string name = "Mallory Impostor")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=OneStop Signing CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var certificate = request.Create(ca, now.AddDays(-1), now.AddMonths(6), RandomNumberGenerator.GetBytes(8));
        return DetachedCms.Sign(SHA256.HashData(document), certificate, key, [ca], now);
    }
}
