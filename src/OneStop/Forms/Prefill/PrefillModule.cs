namespace OneStop.Forms.Prefill;

/// <summary>Prefill from the OneStop profile with consent, and answers locked to verified values (docs/forms/prefill-and-signing.md).</summary>
public static class PrefillModule
{
    public static IServiceCollection AddFormPrefill(this IServiceCollection services)
    {
        services.AddScoped<Prefills>();
        services.AddScoped<LockCheck>();
        return services;
    }
}
