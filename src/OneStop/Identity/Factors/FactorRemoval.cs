using Microsoft.AspNetCore.Identity;

namespace OneStop.Identity.Factors;

/// <summary>
/// Removing a way to sign in asks for the password again. A session left open on a shared computer, or
/// taken over, must not be enough to strip the account's second factor. Wrong answers count towards the
/// same lockout as the sign-in page.
/// </summary>
public sealed class FactorRemoval(SignInManager<OneStopUser> signIn)
{
    public const string Field = "ConfirmPassword";

    public async Task<bool> PasswordConfirmsAsync(OneStopUser user, string? password) =>
        !string.IsNullOrEmpty(password) && (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded;
}
