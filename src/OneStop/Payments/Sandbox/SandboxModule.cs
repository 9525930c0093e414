using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneStop.Payments.Providers;
using OneStop.Platform.Outbox;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// Wires the sandbox gateway when <c>Payments:Sandbox:Enabled</c> is on (as appsettings.json has it). When it is off, nothing
/// of it exists: no adapter (so <c>/api/v1/payments/callbacks/sandbox</c> answers 404 as for any unknown
/// provider), no callback delivery or settling, no hosted page and no settlement file (both 404).
/// </summary>
public static class SandboxModule
{
    public static IServiceCollection AddSandboxGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidation>();
        if (!Enabled(configuration))
        {
            // The hosted page is found by convention; with no route it is a 404 like any unknown address.
            services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRouteModelConvention("/Payments/Sandbox/Checkout", page => page.Selectors.Clear()));
            return services;
        }
        services.AddScoped<SandboxCallbacks>();
        services.AddScoped<SandboxSettlements>();
        services.AddScoped<IPaymentProvider, SandboxGateway>();
        services.AddHttpClient(SendSandboxCallback.Client, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddOutboxHandler<SendSandboxCallback>();
        services.AddOutboxHandler<SettleSandboxCheckout>();
        return services;
    }

    public static IEndpointRouteBuilder MapSandboxGateway(this IEndpointRouteBuilder endpoints)
    {
        if (Enabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>())) SandboxSettlements.MapSettlementFile(endpoints);
        return endpoints;
    }

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue(SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled), false);
}
