using Microsoft.AspNetCore.Authorization;

namespace OneStop.Identity;

/// <summary>
/// Authorization policies by assurance level: <c>[Authorize(Policy = AssurancePolicies.Advanced)]</c>.
/// A session below the level is sent through step-up (see StepUp) rather than refused.
/// </summary>
public static class AssurancePolicies
{
    public const string Basic = "assurance:basic";
    public const string Verified = "assurance:verified";
    public const string Advanced = "assurance:advanced";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var level in new[] { AssuranceLevel.Basic, AssuranceLevel.Verified, AssuranceLevel.Advanced })
        {
            options.AddPolicy("assurance:" + level.AcrValue(), p => p.RequireAuthenticatedUser().AddRequirements(new AssuranceRequirement(level)));
        }
    }
}

public sealed record AssuranceRequirement(AssuranceLevel Level) : IAuthorizationRequirement;

internal sealed class AssuranceHandler : AuthorizationHandler<AssuranceRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AssuranceRequirement requirement)
    {
        if (Assurance.Of(context.User) >= requirement.Level) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
