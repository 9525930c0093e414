using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// The sandbox's callback signature, in the style of real gateways: header <c>Sandbox-Signature: t={unix seconds},v1={hex}</c>,
/// where v1 is HMAC-SHA256 of <c>{t}.{body}</c> under the shared secret. The timestamp is signed, so a captured
/// callback cannot be replayed outside the window.
/// </summary>
public static class SandboxSignature
{
    public const string Header = "Sandbox-Signature";

    public static string Sign(string secret, DateTimeOffset at, byte[] body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>Null when valid; otherwise <c>badSignature</c> or <c>outsideWindow</c>.</summary>
    public static string? Check(string secret, string? header, byte[] body, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(header)) return "badSignature";
        string? t = null;
        var candidates = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var (name, value) = (part[..eq], part[(eq + 1)..]);
            if (name == "t") t = value;
            else if (name == "v1" && value.Length == 64)
                try { candidates.Add(Convert.FromHexString(value)); } catch (FormatException) { }
        }
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || candidates.Count == 0) return "badSignature";
        var expected = Mac(secret, t, body);
        // Compared in constant time; several v1 values are allowed so a secret can be rotated.
        if (!candidates.Any(c => CryptographicOperations.FixedTimeEquals(c, expected))) return "badSignature";
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return (now - signedAt).Duration() > window ? "outsideWindow" : null;
    }

    private static byte[] Mac(string secret, string t, byte[] body)
    {
        var signed = new byte[t.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(t, signed);
        signed[t.Length] = (byte)'.';
        body.CopyTo(signed, t.Length + 1);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
