using OneStop.Identity.Account;

namespace OneStop.Forms.Guests;

/// <summary>
/// The address a guest gives on check your answers for the acknowledgement. It may be left blank when the
/// draft already has one (from a resume link): that one is used. Account holders' acknowledgements go to
/// the account's address and are not asked.
/// </summary>
public static class GuestContact
{
    /// <summary>The input's name and id on the check page.</summary>
    public const string Field = "guestEmail";

    /// <summary>The address to send to, or the key of the error to show.</summary>
    public static (string? Email, string? ErrorKey) Choose(string? typed, string? stored)
    {
        typed = typed?.Trim();
        if (string.IsNullOrEmpty(typed))
            return stored is not null ? (stored, null) : (null, "forms.guests.error.contactMissing");
        return EmailAddress.IsValid(typed) ? (typed, null) : (null, "forms.guests.error.emailInvalid");
    }
}
