using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OneStop.Platform.Mail;

/// <summary>An email to one person. Bodies are plain text: readable in every client and by screen readers.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string Language)
{
    /// <summary>Files sent with the message, e.g. a PDF copy of an application's answers.</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>A fixed Message-Id (no angle brackets), so that receivers recognise a resend of the same message; a new one when null.</summary>
    public string? MessageId { get; init; }
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

internal static class MimeMessages
{
    public static MimeMessage From(OutgoingMail mail, MailOptions options, TimeProvider clock)
    {
        var body = new BodyBuilder { TextBody = mail.Body };
        foreach (var attachment in mail.Attachments)
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = clock.GetUtcNow(),
            Body = body.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        if (mail.MessageId is not null) message.MessageId = mail.MessageId;
        return message;
    }
}

/// <summary>Sends through the configured SMTP server with MailKit.</summary>
internal sealed class SmtpMailer(IOptions<MailOptions> options, TimeProvider clock, ILogger<SmtpMailer> logger) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        using var message = MimeMessages.From(mail, o, clock);
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpSecurity, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUserName))
            await client.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        // The address is personal data: log the message id only.
        logger.LogInformation("Mail {MessageId} sent through {Host}", message.MessageId, o.SmtpHost);
    }
}

/// <summary>
/// Writes each message as an .eml file, for the local default run and tests: a newcomer reads them at
/// /dev/mailbox, and any mail client opens them.
/// </summary>
internal sealed class PickupFolderMailer(IOptions<MailOptions> options, TimeProvider clock) : IMailer
{
    private static long _sequence;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        Directory.CreateDirectory(o.PickupFolder);
        using var message = MimeMessages.From(mail, o, clock);
        // Sorted by time, then by order of sending on this node; unique across nodes. Written under a
        // temporary name so that readers never see half a file.
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Interlocked.Increment(ref _sequence):D8}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(o.PickupFolder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(o.PickupFolder, name));
    }
}

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var delivery = configuration.GetSection(MailOptions.Section).GetValue(nameof(MailOptions.Delivery), MailDelivery.PickupFolder);
        if (delivery == MailDelivery.Smtp) services.AddSingleton<IMailer, SmtpMailer>();
        else services.AddSingleton<IMailer, PickupFolderMailer>();
        return services;
    }
}
