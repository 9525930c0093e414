namespace OneStop.Identity.Profile;

/// <summary>
/// A Hong Kong identity card number: one or two letters, six digits and a check digit (0-9 or A),
/// printed as A123456(3). The check digit makes the whole number a multiple of 11 when each
/// character is weighted by its position from the right (check digit 1, last digit 2, …), letters
/// count A=10 … Z=35, and a one-letter number is read as if it began with a space worth 36.
/// </summary>
public readonly record struct HongKongId
{
    private HongKongId(string compact) => Compact = compact;

    /// <summary>Upper case, no brackets or spaces: A1234563, AB9876543.</summary>
    public string Compact { get; }

    private int LetterCount => char.IsAsciiLetter(Compact[1]) ? 2 : 1;

    /// <summary>As printed on the card: A123456(3).</summary>
    public override string ToString() => $"{Compact[..^1]}({Compact[^1]})";

    /// <summary>Letters and the first three digits, the rest hidden: A123***(*).</summary>
    public string Masked => $"{Compact[..(LetterCount + 3)]}***(*)";

    /// <summary>Reads what a person typed: any case, with or without brackets and spaces. Null when it is not a valid number.</summary>
    public static HongKongId? Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 20) return null;
        var compact = new string(input.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')').ToArray()).ToUpperInvariant();
        if (compact.Length is not (8 or 9)) return null;
        var letters = compact.Length - 7;
        for (var i = 0; i < compact.Length; i++)
        {
            var ok = i < letters ? compact[i] is >= 'A' and <= 'Z'
                : i < compact.Length - 1 ? char.IsAsciiDigit(compact[i])
                : char.IsAsciiDigit(compact[i]) || compact[i] == 'A';
            if (!ok) return null;
        }
        return CheckDigit(compact[..^1]) == compact[^1] ? new HongKongId(compact) : null;
    }

    /// <summary>The check digit for the letters and six digits of a number, e.g. "A123456" → '3'.</summary>
    public static char CheckDigit(string lettersAndDigits)
    {
        // Pad a one-letter number to nine positions with the space that the Immigration Department counts as 36.
        var body = lettersAndDigits.Length == 7 ? " " + lettersAndDigits : lettersAndDigits;
        if (body.Length != 8) throw new ArgumentException("Expected one or two letters and six digits.", nameof(lettersAndDigits));
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            var value = c == ' ' ? 36 : char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * (9 - i);
        }
        var check = (11 - sum % 11) % 11;
        return check == 10 ? 'A' : (char)('0' + check);
    }
}
