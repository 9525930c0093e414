using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Identity;

/// <summary>
/// Section <c>DataProtection</c>. The keys that protect session cookies, reset links and personal data
/// are kept in the database so that every node shares them. In production they are themselves encrypted
/// with a certificate held outside the database, so that a copy of the database alone opens nothing.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file with a private key. Required in Production unless <see cref="AllowUnprotectedKeys"/>.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>For test and staging rigs that have no certificate; never for real data.</summary>
    public bool AllowUnprotectedKeys { get; set; }
}

internal static class KeyProtection
{
    public static void Configure(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new();
        var builder = services.AddDataProtection().SetApplicationName("OneStop").PersistKeysToDbContext<Platform.Database.OneStopDb>();
        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            if (!certificate.HasPrivateKey) throw new ValidationException("DataProtection:CertificatePath must be a PFX with its private key.");
            builder.ProtectKeysWithCertificate(certificate);
        }
        else if (environment.IsProduction() && !options.AllowUnprotectedKeys)
        {
            throw new ValidationException(
                "DataProtection:CertificatePath is required in Production: the keys in the database must be encrypted with a certificate kept outside it. See docs/configuration.md.");
        }
    }
}
