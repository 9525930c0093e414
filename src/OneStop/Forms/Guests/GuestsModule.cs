namespace OneStop.Forms.Guests;

/// <summary>People without an account: resume links by email, reminders and acknowledgements to their address (docs/forms/guests-and-uploads.md).</summary>
public static class GuestsModule
{
    public static IServiceCollection AddFormGuests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GuestOptions>().Bind(configuration.GetSection(GuestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ResumeLinks>();
        return services;
    }
}
