using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace OneStop.Identity.Factors;

/// <summary>Small things the factor pages share.</summary>
internal static class FactorPages
{
    /// <summary>Where to go next: the given address if it is on this site, else the fallback.</summary>
    public static string Local(IUrlHelper url, string? returnUrl, string fallback) =>
        url.IsLocalUrl(returnUrl) ? returnUrl! : url.Content(fallback);

    /// <summary>What people type is forgiving: spaces and hyphens are ignored, letters are not case-sensitive.</summary>
    public static string Normalise(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static bool IsAuthenticatorCode(string normalised) =>
        normalised.Length == ClockedAuthenticatorTokenProvider.Digits && normalised.All(char.IsAsciiDigit);

    /// <summary>Identity's recovery codes look like XXXXX-XXXXX; people may type them without the hyphen.</summary>
    public static string RecoveryCode(string normalised) =>
        normalised.Length == 10 ? normalised[..5] + "-" + normalised[5..] : normalised;

    /// <summary>The key in groups of four, the way people copy it into an app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(c => new string(c)));

    public static string OtpAuthUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits={ClockedAuthenticatorTokenProvider.Digits}&period={(int)ClockedAuthenticatorTokenProvider.Step.TotalSeconds}";

    /// <summary>A PNG data: URI: the CSP allows data: images, and a PNG needs no inline style.</summary>
    public static string QrCodePng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    public static void NoStore(HttpResponse response)
    {
        // The same words antiforgery uses, so that it does not override them with a warning.
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}

/// <summary>A form that asks the browser for a passkey: rendered by _PasskeyGet.cshtml, run by passkeys.js.</summary>
public sealed record PasskeyGetForm(string Action, PasskeyCeremony.Begun Request, string? ReturnUrl, string Button)
{
    /// <summary>Offer the passkey in the email field's autofill list as well (sign-in page).</summary>
    public bool Conditional { get; init; }

    /// <summary>Show nothing at all where passkeys cannot work, rather than a paragraph saying so.</summary>
    public bool Quiet { get; init; }

    /// <summary>A heading inside the block, so that it hides with it.</summary>
    public string? Heading { get; init; }
}

/// <summary>The passkey button on the sign-in page (_PasskeySignIn.cshtml).</summary>
public sealed record PasskeySignInLink(string? ReturnUrl)
{
}
