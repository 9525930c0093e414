using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Audit;

namespace OneStop.Identity.Account;

/// <summary>Sign out is a post (with the antiforgery token), so that a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<OneStopUser> signIn, AuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is { } id) await audit.RecordNowAsync(AuditEvents.SignedOut, id, id, cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("SignedOut");
    }
}
