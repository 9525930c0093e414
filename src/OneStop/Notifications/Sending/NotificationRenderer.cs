using OneStop.Notifications.Templates;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;

namespace OneStop.Notifications.Sending;

/// <summary>A notification in words, for one channel and language. Personal data: never logged or stored unprotected.</summary>
public sealed record RenderedMessage(string Subject, string Body);

/// <summary>
/// Fills the template in force with the notification's values, in the recipient's language. For a
/// placeholder <c>{name}</c> the value <c>name:zh-HK</c> (the language's own) comes before <c>name</c>; a
/// <c>link</c> that is a path becomes an absolute link under the language's prefix. Emails end with the
/// platform's signature.
/// </summary>
public sealed class NotificationRenderer(TemplateCatalogue templates, Text text, PublicLinks links)
{
    public async Task<RenderedMessage?> RenderAsync(Notification notification, string channel, Language language,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (await templates.ForChannelAsync(notification.DepartmentCode, notification.Event, language, channel, cancellationToken) is not { } found)
            return null;
        var (subject, body) = found;
        string? Value(string name)
        {
            var value = values.TryGetValue(name + ":" + language.Tag(), out var own) ? own : values.GetValueOrDefault(name);
            if (name == "link" && value is ['/', not '/', ..]) return links.To(value, language);
            return value;
        }
        var renderedSubject = Placeholders.Render(subject, Value).ReplaceLineEndings(" ").Trim();
        var renderedBody = Placeholders.Render(body, Value).Trim();
        if (channel == NotificationChannels.Email) renderedBody += "\n\n" + text.Get(language, "mail.signature");
        return new RenderedMessage(renderedSubject, renderedBody);
    }
}
