using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Web;

namespace OneStop.Identity.Staff;

/// <summary>The invitation to a new member of staff whose account was created for them.</summary>
public sealed class StaffMail(IMailer mailer, Text text, PublicLinks links)
{
    public Task SendInvitationAsync(OneStopUser user, string setPasswordPath, CancellationToken cancellationToken)
    {
        var language = user.PreferredLanguage;
        var body = string.Format(language.Culture(), text.Get(language, "staff.mail.invite.body"), links.To(setPasswordPath, language))
            + "\n\n" + text.Get(language, "mail.signature");
        return mailer.SendAsync(new OutgoingMail(user.Email!, text.Get(language, "staff.mail.invite.subject"), body, language.Tag()), cancellationToken);
    }
}
