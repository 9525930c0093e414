using OneStop.Cases.Applicants;
using OneStop.Cases.Calendar;
using OneStop.Cases.Engine;
using OneStop.Cases.Intake;
using OneStop.Cases.Pledges;
using OneStop.Cases.Workflows;
using OneStop.Platform.Jobs;
using OneStop.Platform.Outbox;

namespace OneStop.Cases;

/// <summary>
/// Case processing: an application's life after submission. Cases open from the Forms module's outbox
/// message, move through their service's workflow (<see cref="CaseActions"/>), and are escalated when they
/// miss a pledged target (<see cref="EscalateOverdueCases"/>). See docs/cases/.
/// </summary>
public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CasesOptions>().Bind(configuration.GetSection(CasesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ParsedWorkflows>();
        services.AddScoped<WorkflowStore>();
        services.AddScoped<WorkingCalendar>();
        services.AddScoped<CaseText>();
        services.AddScoped<CaseNotices>();
        services.AddScoped<CaseActions>();
        services.AddScoped<Queue.WorkQueue>();
        services.AddSingleton<Queue.QueueCountsCache>();
        services.AddOutboxHandler<OpenCase>();
        services.AddOutboxHandler<CasePaid>();
        services.AddRecurringJob<EscalateOverdueCases>();
        services.AddCaseApplicants();
        return services;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder endpoints) => endpoints;
}
