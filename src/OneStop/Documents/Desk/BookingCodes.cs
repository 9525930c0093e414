using System.Text.RegularExpressions;

namespace OneStop.Documents.Desk;

/// <summary>
/// What the look-up field accepts: the booking code as the holder reads it out (any case, spaces around it), or
/// what a scanner types after reading the QR code — the whole check-in address, <c>…/office/counters/check-in/{code}</c>.
/// </summary>
public static partial class BookingCodes
{
    private const string Marker = "/office/counters/check-in/";

    /// <summary>The booking code in its stored form (upper case), or null when the text is neither a code nor a check-in address.</summary>
    public static string? Read(string? typed)
    {
        var text = typed?.Trim() ?? "";
        var at = text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            text = text[(at + Marker.Length)..];
            // A scanner may carry a query or a fragment, or a slash at the end.
            var end = text.IndexOfAny(['?', '#', '/']);
            if (end >= 0) text = text[..end];
            text = Uri.UnescapeDataString(text);
        }
        text = text.ToUpperInvariant();
        return text.Length <= 20 && Shape().IsMatch(text) ? text : null;
    }

    // As Appointment.Code stores it (at most 20 characters): letters and digits in groups joined by hyphens, e.g. AP-7K3M9QX2.
    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
