using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OneStop.Identity.Factors;

/// <summary>Where a signed-in person goes to raise their session to a level a page or a relying party asks for.</summary>
public static class StepUp
{
    public const string Path = "/account/step-up";

    /// <summary>
    /// The step-up page's address (without a language prefix or path base: add the request's PathBase to
    /// stay in the person's language). <paramref name="returnUrl"/> must be local; it is where they go after.
    /// </summary>
    public static string Url(AssuranceLevel level, string returnUrl) =>
        $"{Path}?level={level.AcrValue()}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}

/// <summary>
/// A signed-in person below a page's assurance level is sent to step up instead of being shown 403.
/// APIs and anyone failing for another reason get the default answer.
/// </summary>
internal sealed class StepUpResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var request = context.Request;
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true && !request.Path.StartsWithSegments("/api"))
        {
            var needed = policy.Requirements.OfType<AssuranceRequirement>().Select(r => r.Level).DefaultIfEmpty(AssuranceLevel.None).Max();
            if (needed > Assurance.Of(context.User))
            {
                var back = request.PathBase + request.Path + request.QueryString;
                context.Response.Redirect(request.PathBase + StepUp.Url(needed, back));
                return Task.CompletedTask;
            }
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
