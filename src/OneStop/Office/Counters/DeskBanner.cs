using OneStop.Platform.Localisation;

namespace OneStop.Office.Counters;

/// <summary>
/// The message a desk page shows after its post-and-redirect, carried in TempData as <c>kind|code</c>:
/// checkedIn, collected and posted changed something; alreadyCheckedIn, alreadyCollected and alreadyPosted did not.
/// </summary>
public sealed record DeskBanner(string Kind, string Message, bool Success)
{
    public static string Carry(string kind, string code) => kind + "|" + code;

    public static DeskBanner? From(string? carried, Text text)
    {
        if (carried?.Split('|', 2) is not [var kind, var code]) return null;
        return new DeskBanner(kind, text["desk.done." + kind, code], !kind.StartsWith("already", StringComparison.Ordinal));
    }
}
