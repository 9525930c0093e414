using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OneStop.Identity.Passwords;

/// <summary>
/// Password rules after NIST SP 800-63B: length, not composition. A password must be long enough
/// (counted in characters as people see them, so a Chinese passphrase counts fairly), not absurdly
/// long, and not one that attackers try first: a known breached password, the person's own email,
/// the site's name, or one character or a run repeated.
/// </summary>
public sealed class PasswordRules(IOptions<IdentityModuleOptions> options) : IPasswordValidator<OneStopUser>
{
    public const int MaximumLength = 256;

    public static readonly IdentityError TooShort = new() { Code = "password.tooShort" };
    public static readonly IdentityError TooLong = new() { Code = "password.tooLong" };
    public static readonly IdentityError Common = new() { Code = "password.common" };
    public static readonly IdentityError Guessable = new() { Code = "password.guessable" };

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<OneStopUser> manager, OneStopUser user, string? password) =>
        Task.FromResult(Check(password ?? "", user.Email, options.Value.PasswordMinimumLength));

    public static IdentityResult Check(string password, string? email, int minimumLength)
    {
        var normalised = Normalise(password);
        var length = new StringInfo(normalised).LengthInTextElements;
        if (length < minimumLength) return IdentityResult.Failed(TooShort);
        if (length > MaximumLength) return IdentityResult.Failed(TooLong);

        var lower = normalised.ToLowerInvariant();
        if (CommonPasswords.Value.Contains(lower)) return IdentityResult.Failed(Common);
        if (IsGuessable(lower, email)) return IdentityResult.Failed(Guessable);
        return IdentityResult.Success;
    }

    /// <summary>NFKC, as NIST asks, so that the same password typed on two keyboards is the same password.</summary>
    public static string Normalise(string password) => password.Normalize(NormalizationForm.FormKC);

    private static bool IsGuessable(string password, string? email)
    {
        var local = email?.Split('@')[0].ToLowerInvariant();
        if (!string.IsNullOrEmpty(local) && local.Length >= 4 && password.Contains(local, StringComparison.Ordinal)) return true;
        if (password.Replace(" ", "").Replace("-", "") is "onestop" or "onestopid" or "一站通") return true;
        // One short unit repeated ("aaaa…", "abcabc…", "1212…") or an unbroken run ("12345…", "abcd…").
        for (var unit = 1; unit <= 3; unit++)
        {
            if (password.Length % unit == 0 && password == string.Concat(Enumerable.Repeat(password[..unit], password.Length / unit))) return true;
        }
        var ascending = true;
        var descending = true;
        for (var i = 1; i < password.Length; i++)
        {
            // Digits wrap, as on a keyboard's number row: 1234567890…
            ascending &= password[i] == password[i - 1] + 1 || (password[i - 1] == '9' && password[i] == '0');
            descending &= password[i] == password[i - 1] - 1 || (password[i - 1] == '0' && password[i] == '9');
        }
        return ascending || descending;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("OneStop.Identity.Passwords.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') set.Add(line);
        }
        return set;
    }
}

/// <summary>Hashes the NFKC form of a password (see <see cref="PasswordRules.Normalise"/>) with Identity's PBKDF2 hasher.</summary>
public sealed class NormalisingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<OneStopUser>
{
    private readonly PasswordHasher<OneStopUser> _inner = new(options);

    public string HashPassword(OneStopUser user, string password) => _inner.HashPassword(user, PasswordRules.Normalise(password));

    public PasswordVerificationResult VerifyHashedPassword(OneStopUser user, string hashedPassword, string providedPassword) =>
        _inner.VerifyHashedPassword(user, hashedPassword, PasswordRules.Normalise(providedPassword));
}
