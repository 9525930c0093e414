using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Web;

namespace OneStop.Identity;

/// <summary>The emails OneStop ID sends about an account, in the account's language.</summary>
public sealed class AccountMail(IMailer mailer, Text text, PublicLinks links)
{
    public Task SendConfirmationAsync(OneStopUser user, string code, CancellationToken cancellationToken) =>
        SendAsync(user, "mail.confirm", links.To($"/account/confirm-email?user={user.Id}&code={Uri.EscapeDataString(code)}", user.PreferredLanguage), cancellationToken);

    public Task SendAlreadyRegisteredAsync(OneStopUser user, CancellationToken cancellationToken) =>
        SendAsync(user, "mail.alreadyRegistered", links.To("/account/forgot-password", user.PreferredLanguage), cancellationToken);

    public Task SendPasswordResetAsync(OneStopUser user, string code, CancellationToken cancellationToken) =>
        SendAsync(user, "mail.reset", links.To($"/account/reset-password?user={user.Id}&code={Uri.EscapeDataString(code)}", user.PreferredLanguage), cancellationToken);

    /// <summary>Tells the person something changed on their account, with where to go if it was not them.</summary>
    public Task SendSecurityNoticeAsync(OneStopUser user, string eventKey, CancellationToken cancellationToken) =>
        SendAsync(user, eventKey, links.To("/account/security", user.PreferredLanguage), cancellationToken);

    // Each message is three strings: {key}.subject, {key}.body (with {0} for the link) and the shared signature.
    private Task SendAsync(OneStopUser user, string key, string link, CancellationToken cancellationToken)
    {
        var language = user.PreferredLanguage;
        var body = string.Format(language.Culture(), text.Get(language, key + ".body"), link) + "\n\n" + text.Get(language, "mail.signature");
        return mailer.SendAsync(new OutgoingMail(user.Email!, text.Get(language, key + ".subject"), body, language.Tag()), cancellationToken);
    }
}
