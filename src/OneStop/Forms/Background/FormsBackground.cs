using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Forms.Acknowledgement;
using OneStop.Platform.Jobs;
using OneStop.Platform.Outbox;

namespace OneStop.Forms.Background;

/// <summary>The forms module's background work: the acknowledgement email (an outbox handler) and the draft sweep.</summary>
public static class FormsBackground
{
    public static IServiceCollection AddFormsBackground(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AnswerSummary>();
        services.TryAddSingleton<IAnswersCopy, AnswersPdfCopy>();
        services.AddOutboxHandler<AcknowledgeApplication>();
        services.AddOptions<DraftSweepOptions>().Bind(configuration.GetSection(DraftSweepOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRecurringJob<DraftSweep>();
        return services;
    }
}
