using System.ComponentModel.DataAnnotations;

namespace OneStop.Platform.Mail;

public enum MailDelivery { PickupFolder, Smtp }

/// <summary>Where email goes. The local default writes .eml files to a folder; production uses SMTP.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.PickupFolder;

    /// <summary>Folder for <see cref="MailDelivery.PickupFolder"/>, relative to the working directory.</summary>
    [Required] public string PickupFolder { get; set; } = "data/mail";

    [Required, EmailAddress] public string From { get; set; } = "no-reply@onestop.example";
    [Required] public string FromName { get; set; } = "OneStop";

    public string? SmtpHost { get; set; }
    [Range(1, 65535)] public int SmtpPort { get; set; } = 587;
    /// <summary>StartTls (587), SslOnConnect (465) or None (a relay on the same host only).</summary>
    public MailKit.Security.SecureSocketOptions SmtpSecurity { get; set; } = MailKit.Security.SecureSocketOptions.StartTls;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == MailDelivery.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
            yield return new ValidationResult("Mail:SmtpHost is required when Mail:Delivery is Smtp.", [nameof(SmtpHost)]);
    }
}
