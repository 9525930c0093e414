using OneStop.Forms.Filling.Reading;

namespace OneStop.Forms.Filling;

/// <summary>
/// The citizen's journey through a form (docs/forms/filling-in.md): start page, question pages, check your
/// answers, acknowledgement and "My applications". Pages only; the rules are Answers/, storage Store/.
/// </summary>
public static class FillingModule
{
    public static IServiceCollection AddFormFilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FormsOptions>().Bind(configuration.GetSection(FormsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DraftAccess>();
        services.AddScoped<StartApplication>();
        services.AddScoped<SaveAnswers>();
        services.AddScoped<MyDrafts>();
        return services;
    }
}
