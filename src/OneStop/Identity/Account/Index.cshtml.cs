using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Identity.Account;

/// <summary>The account's home: who is signed in, at what assurance level, and where to manage it.</summary>
[Authorize]
public sealed class IndexModel(UserManager<OneStopUser> users) : PageModel
{
    public OneStopUser Account { get; private set; } = null!;
    public AssuranceLevel Level { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account) return Challenge();
        Account = account;
        Level = Assurance.Of(User);
        return Page();
    }
}
