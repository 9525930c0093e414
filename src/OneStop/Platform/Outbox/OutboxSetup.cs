using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Platform.Jobs;

namespace OneStop.Platform.Outbox;

public static class OutboxSetup
{
    /// <summary>The outbox writer, the dispatcher and its loop (section <c>Outbox</c>), and the job runner it runs on.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<Outbox>();
        services.AddJobs(configuration);
        services.AddRecurringJob<OutboxDispatcher>();
        return services;
    }

    /// <summary>Adds a handler (scoped: it may use the DbContext). Several may share a topic; see <see cref="IOutboxHandler"/>.</summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services) where THandler : class, IOutboxHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, THandler>());
        return services;
    }
}
