namespace OneStop.Identity.Signing;

/// <summary>Audit event names of digital signing; the activity page shows <c>audit.{event}</c>.</summary>
public static class SigningEvents
{
    public const string CertificateIssued = "signing.certificate-issued";
    public const string CertificateRevoked = "signing.certificate-revoked";
    public const string Signed = "signing.signed";
    public const string AuthorityCreated = "signing.authority-created";
}
