namespace OneStop.Payments.Sandbox;

/// <summary>
/// The sandbox's test card and PPS numbers, as real gateways publish theirs: 4242 4242 4242 4242 (and any
/// other number that passes the Luhn check) is paid; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995
/// has insufficient funds. PPS account 00000000 is declined. Nothing here is a real card.
/// </summary>
public static class SandboxCards
{
    public const string Declined = "4000000000000002";
    public const string InsufficientFunds = "4000000000009995";
    public const string DeclinedPps = "00000000";

    /// <summary>Digits only (people type spaces and dashes).</summary>
    public static string Digits(string? typed) => new((typed ?? "").Where(char.IsAsciiDigit).ToArray());

    public static bool PassesLuhn(string digits)
    {
        if (digits.Length is < 12 or > 19) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1 && (d *= 2) > 9) d -= 9;
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>The decline code for a valid number, or null when the sandbox pays it.</summary>
    public static string? Decline(string digits) => digits switch
    {
        Declined => "card_declined",
        InsufficientFunds => "insufficient_funds",
        _ => null,
    };

    /// <summary>MM/YY, this month or later.</summary>
    public static bool ValidExpiry(string? typed, DateOnly today)
    {
        var parts = (typed ?? "").Replace(" ", "").Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var month) || !int.TryParse(parts[1], out var year) || month is < 1 or > 12) return false;
        year += year < 100 ? 2000 : 0;
        return new DateOnly(year, month, 1).AddMonths(1) > today;
    }
}
