using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Notifications;

public enum SmsProviderKind { Sandbox, Twilio }

/// <summary>Section <c>Notifications</c>: retries of a delivery, and which SMS provider sends texts.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>Transient failures of one delivery before it counts as failed for good (and SMS falls back to email).</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a sender's claim on a delivery holds; a claim older than this is taken to have crashed.</summary>
    [TimeRange("00:00:10", "01:00:00")] public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(2);

    public SmsProviderKind SmsProvider { get; set; } = SmsProviderKind.Sandbox;

    [Required] public SandboxSmsOptions Sandbox { get; set; } = new();

    [Required] public TwilioOptions Twilio { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Sandbox, new ValidationContext(Sandbox), results, validateAllProperties: true);
        if (SmsProvider == SmsProviderKind.Twilio)
        {
            Validator.TryValidateObject(Twilio, new ValidationContext(Twilio), results, validateAllProperties: true);
            if (string.IsNullOrWhiteSpace(Twilio.AccountSid) || string.IsNullOrWhiteSpace(Twilio.AuthToken))
                results.Add(new ValidationResult("Notifications:Twilio:AccountSid and AuthToken are required when Notifications:SmsProvider is Twilio."));
            if (string.IsNullOrWhiteSpace(Twilio.From) && string.IsNullOrWhiteSpace(Twilio.MessagingServiceSid))
                results.Add(new ValidationResult("Notifications:Twilio:From or MessagingServiceSid is required when Notifications:SmsProvider is Twilio."));
        }
        return results;
    }
}

/// <summary>The sandbox SMS provider: texts are files, and some numbers fail on purpose.</summary>
public sealed class SandboxSmsOptions
{
    /// <summary>Where each text is written as a file, relative to the working directory.</summary>
    [Required] public string Folder { get; set; } = "data/sms";

    /// <summary>Numbers ending in this are refused for good, as an invalid number would be.</summary>
    [Required, RegularExpression("^[0-9]{1,8}$")] public string PermanentFailureSuffix { get; set; } = "0000";

    /// <summary>Numbers ending in this fail as an unreachable provider would (retried later).</summary>
    [Required, RegularExpression("^[0-9]{1,8}$")] public string TransientFailureSuffix { get; set; } = "9999";

    /// <summary>A wait before each text, to see how slow providers behave (on the app's clock).</summary>
    [TimeRange("00:00:00", "00:01:00")] public TimeSpan Delay { get; set; } = TimeSpan.Zero;
}

/// <summary>Twilio's Programmable Messaging (the Messages REST API).</summary>
public sealed class TwilioOptions
{
    [Url] public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    /// <summary>The sending number in E.164, or leave empty and set <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }
    public string? MessagingServiceSid { get; set; }
    [TimeRange("00:00:01", "00:02:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
