using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Account;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;
using QRCoder;

namespace OneStop.Identity.TwoDevice;

/// <summary>
/// The computer's side: shows the QR code and the short code, and signs the computer in once the phone
/// has approved. Only the browser holding the request's cookie sees or uses it; anyone else gets 404,
/// so a copied address is worthless.
/// </summary>
public sealed class WaitModel(PhoneSignIns requests, SignInManager<OneStopUser> signIn, UserManager<OneStopUser> users,
    AccountMail mail, PublicLinks links) : PageModel
{
    public enum Screen { Waiting, NotYetApproved, Declined, Expired }

    public PhoneSignInRequest PhoneRequest { get; private set; } = null!;
    public Screen Shown { get; private set; }
    public string PhoneLink { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public DateTimeOffset Now => requests.Now;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } request || request.State == PhoneSignInState.Used) return NotFound();
        return Show(request, request.State == PhoneSignInState.Declined ? Screen.Declined
            : request.IsExpiredAt(requests.Now) ? Screen.Expired : Screen.Waiting);
    }

    /// <summary>For the optional script: has the phone answered yet? Same 404 rule as the page.</summary>
    public async Task<IActionResult> OnGetStatusAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } request || request.State == PhoneSignInState.Used) return NotFound();
        var state = request.State == PhoneSignInState.Pending && request.IsExpiredAt(requests.Now) ? PhoneSignInState.Expired : request.State;
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { state = state.ToString().ToLowerInvariant() });
    }

    /// <summary>"I have approved it on my phone – continue".</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } request) return NotFound();
        switch (await requests.UseAsync(request, cancellationToken))
        {
            case PhoneSignInOutcome.Pending: return Show(request, Screen.NotYetApproved);
            case PhoneSignInOutcome.Declined: return Show(request, Screen.Declined);
            case PhoneSignInOutcome.Expired: return Show(request, Screen.Expired);
            case PhoneSignInOutcome.Done: break;
            default: return NotFound();
        }

        // The row is now Used, so nothing below can run twice for one request.
        var user = await users.FindByIdAsync(request.ApprovedBy!.Value.ToString());
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user)) return NotFound();
        // The account's own level (Basic, or Verified if proved), never Advanced: the computer holds no second factor,
        // and a person tricked into approving someone else's code must not hand over a signing-capable session.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", ComputerSession.Method)]);
        Response.Cookies.Delete(TwoDeviceSetup.BrowserCookie);
        LanguageCookie.Set(Response, user.PreferredLanguage);
        await mail.SendSecurityNoticeAsync(user, "mail.twoDevice.signedIn", cancellationToken);
        return LocalRedirect(request.ReturnUrl);
    }

    private Task<PhoneSignInRequest?> FindAsync(string id, CancellationToken cancellationToken) =>
        requests.FindForBrowserAsync(id, HttpContext.Request.Cookies[TwoDeviceSetup.BrowserCookie], cancellationToken);

    private PageResult Show(PhoneSignInRequest request, Screen screen)
    {
        PhoneRequest = request;
        Shown = screen;
        if (screen is Screen.Waiting or Screen.NotYetApproved)
        {
            PhoneLink = links.To("/account/approve/" + request.Id, Languages.Current);
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(PhoneLink, QRCodeGenerator.ECCLevel.M, 6));
        }
        return Page();
    }
}
