using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace OneStop.Identity.Factors;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) checked against the injected
/// <see cref="TimeProvider"/>, one step either side for clock drift. A code is taken once: the step it
/// belonged to is remembered, and that step and earlier ones are refused afterwards (RFC 6238 §5.2), so a
/// code read over someone's shoulder is worthless once used.
/// </summary>
public sealed class ClockedAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<OneStopUser>
{
    private const string TokenOwner = "[OneStop]";
    private const string LastStepToken = "TotpLastStep";
    public const int Digits = 6;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<OneStopUser> manager, OneStopUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != Digits || !token.All(char.IsAsciiDigit)) return false;
        var secret = Base32Decode(key);
        if (secret is null) return false;

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenOwner, LastStepToken), NumberStyles.Integer, CultureInfo.InvariantCulture, out var used)
            ? used : long.MinValue;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= last) continue;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token))) continue;
            await manager.SetAuthenticationTokenAsync(user, TokenOwner, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }

    /// <summary>Forgets the last used step, with the key it belonged to.</summary>
    public static Task ForgetAsync(UserManager<OneStopUser> manager, OneStopUser user) =>
        manager.RemoveAuthenticationTokenAsync(user, TokenOwner, LastStepToken);

    internal static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys (upper case, no padding).</summary>
    internal static byte[]? Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c));
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            output.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }
        return [.. output];
    }
}
