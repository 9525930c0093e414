using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using OneStop.Platform.Database;

namespace OneStop.Identity;

/// <summary>
/// Identity's EF Core store, except that recovery codes are kept as SHA-256 hashes: the stock store
/// saves them as readable text, so anyone who could read the table could get past the second factor.
/// The codes are long and random, so an unsalted hash is enough. The person sees them once, when made.
/// </summary>
public sealed class OneStopUserStore(OneStopDb context, IdentityErrorDescriber? describer = null)
    : UserStore<OneStopUser, IdentityRole<Guid>, OneStopDb, Guid>(context, describer)
{
    private const string Provider = "[AspNetUserStore]";
    private const string Name = "RecoveryCodes";

    public override Task ReplaceCodesAsync(OneStopUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, Name, string.Join(';', recoveryCodes.Select(Hash)), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(OneStopUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, Provider, Name, cancellationToken) ?? "";
        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var hash = Hash(code);
        if (!hashes.Contains(hash, StringComparer.Ordinal)) return false;
        await SetTokenAsync(user, Provider, Name, string.Join(';', hashes.Where(h => h != hash)), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(OneStopUser user, CancellationToken cancellationToken) =>
        (await GetTokenAsync(user, Provider, Name, cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));
}
