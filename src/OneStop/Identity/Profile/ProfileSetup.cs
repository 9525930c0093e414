using Microsoft.Extensions.Options;
using OneStop.Identity.Consent;

namespace OneStop.Identity.Profile;

/// <summary>The e-ME profile, identity verification and the consent screens.</summary>
public static class ProfileSetup
{
    public static IServiceCollection AddProfile(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProfileOptions>().Bind(configuration.GetSection(ProfileOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.IdentityCardIndexKey is null || IsKey(o.IdentityCardIndexKey),
                "Profile:IdentityCardIndexKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        Registry.PopulationRegistrySetup.Add(services, configuration);
        services.AddSingleton<IdentityCardIndexKey>();
        services.AddScoped<ProfileStore>();
        services.AddScoped<IProfileReader, ProfileReader>();
        services.AddScoped<IdentityVerification>();
        services.AddScoped<CounterVerification>();
        services.AddScoped<PendingConsents>();
        services.AddHostedService<SandboxWarning>();
        return services;
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= 32;
    }
}

/// <summary>The sandbox proves fictional people; a production deployment that still uses it should say so loudly.</summary>
internal sealed class SandboxWarning(IOptions<PopulationRegistryOptions> options, IHostEnvironment environment, ILogger<SandboxWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && options.Value.Provider == RegistryProvider.Sandbox)
            log.LogWarning("PopulationRegistry:Provider is Sandbox in Production: identities are checked against fictional residents, not the real registry.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
