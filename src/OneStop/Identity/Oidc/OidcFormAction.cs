using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using OneStop.Platform.Web;
using OpenIddict.Abstractions;

namespace OneStop.Identity.Oidc;

/// <summary>
/// Names a client's redirect origin in the page's CSP <c>form-action</c>, on pages whose form post ends
/// in a redirect to it: the consent screen, and any page (sign-in, a second factor, step-up) carrying a
/// <c>returnUrl</c> back to the authorization endpoint. Only a redirect URI registered for the client
/// named in that request is admitted. Browsers check <c>form-action</c> against the whole redirect chain.
/// </summary>
public static class OidcFormAction
{
    public static void Allow(HttpContext context, Uri redirectUri)
    {
        var origin = redirectUri.GetLeftPart(UriPartial.Authority);
        var origins = context.Items[SecurityHeaders.FormActionOriginsItem] as List<string> ?? [];
        origins.Add(origin);
        context.Items[SecurityHeaders.FormActionOriginsItem] = origins;
    }
}

internal sealed class ReturnToClientFormAction(IOpenIddictApplicationManager applications) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        string? returnUrl = request.Query["returnUrl"];
        if (returnUrl is null && request.HasFormContentType) returnUrl = request.Form["returnUrl"];
        if (returnUrl is not null && await RedirectUriAsync(returnUrl, context.HttpContext.RequestAborted) is { } redirect)
            OidcFormAction.Allow(context.HttpContext, redirect);
        await next();
    }

    private async Task<Uri?> RedirectUriAsync(string returnUrl, CancellationToken cancellationToken)
    {
        if (AuthorizeReturnUrl.Parameters(returnUrl) is not { } parameters
            || parameters["client_id"].ToString() is not { Length: > 0 } clientId
            || !Uri.TryCreate(parameters["redirect_uri"].ToString(), UriKind.Absolute, out var redirect)) return null;
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is not null && await applications.ValidateRedirectUriAsync(application, redirect.AbsoluteUri, cancellationToken) ? redirect : null;
    }
}

/// <summary>A local returnUrl that goes back to the authorization endpoint (in any language), and its request's parameters.</summary>
public static class AuthorizeReturnUrl
{
    public static Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? Parameters(string returnUrl)
    {
        var query = returnUrl.IndexOf('?');
        if (query < 0 || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || !returnUrl[..query].EndsWith("/" + OidcSetup.AuthorizePath, StringComparison.Ordinal)) return null;
        return QueryHelpers.ParseQuery(returnUrl[query..]);
    }

    public static string? ClientId(string returnUrl) =>
        Parameters(returnUrl) is { } parameters && parameters.TryGetValue("client_id", out var id) && id.ToString() is { Length: > 0 } clientId ? clientId : null;
}
