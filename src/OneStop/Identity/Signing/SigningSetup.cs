using Microsoft.Extensions.Options;

namespace OneStop.Identity.Signing;

/// <summary>Digital signing for OneStop ID: a CA, people's certificates, signing requests, public verification.</summary>
public static class SigningSetup
{
    public static IServiceCollection AddSigning(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // A deployment that admits its keys are unprotected (a test or staging rig) may also generate its own CA.
        var rig = configuration.GetValue<bool>(KeyProtectionOptions.Section + ":" + nameof(KeyProtectionOptions.AllowUnprotectedKeys));
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !environment.IsProduction() || rig || !string.IsNullOrEmpty(o.CaCertificatePath),
                "Signing:CaCertificatePath is required in Production: people's certificates must come from a CA whose key is kept outside the database. See docs/identity/signing.md.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SigningOptions>, CaFileValidation>();
        services.AddSingleton<CertificateAuthority>();
        services.AddScoped<SigningCertificates>();
        services.AddScoped<DocumentSigning>();
        services.AddScoped<IDocumentSigning>(s => s.GetRequiredService<DocumentSigning>());
        services.AddScoped<SignatureVerifier>();
        return services;
    }

    public static IEndpointRouteBuilder MapSigning(this IEndpointRouteBuilder endpoints) => endpoints.MapSigningApi();

    /// <summary>A configured PFX is opened at start, so a wrong path or password stops the app there rather than at the first signature.</summary>
    private sealed class CaFileValidation : IValidateOptions<SigningOptions>
    {
        public ValidateOptionsResult Validate(string? name, SigningOptions options)
        {
            if (string.IsNullOrEmpty(options.CaCertificatePath)) return ValidateOptionsResult.Success;
            try
            {
                CertificateAuthority.LoadPfx(options.CaCertificatePath, options.CaCertificatePassword);
                return ValidateOptionsResult.Success;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException or IOException)
            {
                return ValidateOptionsResult.Fail($"Signing:CaCertificatePath: {e.Message}");
            }
        }
    }
}
