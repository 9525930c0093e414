using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using OneStop.Platform.Audit;

namespace OneStop.Identity.Factors;

/// <summary>
/// Recovery codes: ten single-use codes for when the authenticator app is lost. They are shown once, right
/// after they are made (carried to this page in TempData, which is read once); afterwards only how many
/// are left. Making new ones voids the old.
/// </summary>
[Authorize]
public sealed class RecoveryCodesModel(UserManager<OneStopUser> users, AuditLog audit) : PageModel
{
    public const int Count = 10;
    private const string ShownOnceKey = "factors.recoveryCodes";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> NewCodes { get; private set; } = [];
    public int Left { get; private set; }
    public string Continue => FactorPages.Local(Url, ReturnUrl, "~/account/security");

    public static void ShowOnce(ITempDataDictionary tempData, IEnumerable<string> codes) => tempData[ShownOnceKey] = string.Join(' ', codes);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("Authenticator");
        FactorPages.NoStore(Response);
        NewCodes = TempData[ShownOnceKey] is string codes ? codes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        Left = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("Authenticator");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Count) ?? [];
        await audit.RecordNowAsync(FactorEvents.RecoveryCodesCreated, user.Id, user.Id, cancellationToken: cancellationToken);
        ShowOnce(TempData, codes);
        return RedirectToPage(new { returnUrl = ReturnUrl });
    }
}
