using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace OneStop.Identity.TwoDevice;

/// <summary>
/// The computer asks to be signed in by a phone. Starting is a post, not a link, so that link
/// prefetchers and crawlers do not create requests; it is rate-limited like the other sign-in posts.
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class StartModel(PhoneSignIns requests, ISignInServiceNames serviceNames) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/account");
        var service = await serviceNames.NameForAsync(returnUrl, cancellationToken);
        var (request, secret) = await requests.StartAsync(service, returnUrl, cancellationToken);
        Response.Cookies.Append(TwoDeviceSetup.BrowserCookie, secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            // Outlives the request a little, so a late continue is told "expired" rather than "not found".
            MaxAge = PhoneSignIns.Lifetime + TimeSpan.FromMinutes(10),
        });
        return Redirect(Url.Content("~/account/sign-in/phone/" + request.Id));
    }
}
