namespace OneStop.Forms.Declarations;

/// <summary>Declarations signed with OneStop ID (docs/forms/prefill-and-signing.md).</summary>
public static class DeclarationsModule
{
    public static IServiceCollection AddFormDeclarations(this IServiceCollection services)
    {
        services.AddScoped<DeclarationSigning>();
        services.AddScoped<SignatureCheck>();
        return services;
    }
}
