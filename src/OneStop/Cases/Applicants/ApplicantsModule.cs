using OneStop.Forms.Filling;
using OneStop.Forms.Submitting;
using OneStop.Platform.Outbox;

namespace OneStop.Cases.Applicants;

/// <summary>
/// The applicant's side of case processing (docs/cases/applicants.md): where each application stands on "My
/// applications", the application's page with its timeline, replying to a request (with a message, changed
/// answers, or both) and withdrawing.
/// </summary>
public static class ApplicantsModule
{
    public static IServiceCollection AddCaseApplicants(this IServiceCollection services)
    {
        services.AddScoped<ApplicantCases>();
        services.AddSingleton<CaseWords>();
        services.AddScoped<IApplicationProgress, ListProgress>();
        services.AddScoped<IAmendmentGate, CaseAmendmentGate>();
        services.AddOutboxHandler<ReplyWithAmendment>();
        return services;
    }
}
