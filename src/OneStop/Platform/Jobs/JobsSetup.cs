using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStop.Platform.Jobs;

public static class JobsSetup
{
    /// <summary>The recurring jobs' shared schedule (section <c>Jobs</c>) and the operators' view of failed work (/office/jobs).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<JobScheduler>();
        services.TryAddScoped<DeadLetters>();
        return services;
    }
}

/// <summary>Audit event names of operators' actions on background work.</summary>
public static class JobEvents
{
    /// <summary>A parked outbox message was released to run again. Target: the message id; detail: its topic.</summary>
    public const string MessageRetried = "jobs.message-retried";
}
