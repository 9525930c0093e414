using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Audit;

namespace OneStop.Identity.Account;

/// <summary>
/// The link in the confirmation email. Opening it shows a button; only pressing it confirms, so that
/// mail scanners which follow links do not confirm on the person's behalf.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<OneStopUser> users, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public bool Invalid { get; private set; }

    public void OnGet() => Invalid = UserId == Guid.Empty || string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = UserId == Guid.Empty ? null : await users.FindByIdAsync(UserId.ToString());
        if (user is null || string.IsNullOrEmpty(Code))
        {
            Invalid = true;
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            var result = await users.ConfirmEmailAsync(user, Code);
            if (!result.Succeeded)
            {
                Invalid = true;
                return Page();
            }
            await audit.RecordNowAsync(AuditEvents.EmailConfirmed, user.Id, user.Id, cancellationToken: cancellationToken);
        }
        return RedirectToPage("SignIn", new { confirmed = true });
    }
}
