using System.Text.RegularExpressions;
using MimeKit;

namespace OneStop.Tests.Infrastructure;

/// <summary>The app's sent mail, read from its pickup folder the way a mail client would.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> To(this OneStopApp app, string address)
    {
        if (!Directory.Exists(app.MailFolder)) return [];
        return Directory.GetFiles(app.MailFolder, "*.eml").Order()
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    public static MimeMessage LastMailTo(this OneStopApp app, string address) =>
        app.To(address).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"No mail to {address}");

    /// <summary>The path and query of the first link in the message, to follow with the test client.</summary>
    public static string Link(this MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, "The message has no link: " + message.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
