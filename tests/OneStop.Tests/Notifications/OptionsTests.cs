using System.ComponentModel.DataAnnotations;
using OneStop.Notifications;

namespace OneStop.Tests.Notifications;

/// <summary>The Notifications section is checked on start.</summary>
public sealed class NotificationOptionsTests
{
    private static List<ValidationResult> Validate(NotificationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(Validate(new NotificationOptions()));

    [Fact]
    public void Validate_TwilioWithoutCredentials_IsRefused()
    {
        var results = Validate(new NotificationOptions { SmsProvider = SmsProviderKind.Twilio });

        Assert.Equal(2, results.Count);
        Assert.Contains(results, r => r.ErrorMessage!.Contains("AccountSid", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SandboxSuffixNotDigits_IsRefused()
    {
        var results = Validate(new NotificationOptions { Sandbox = new SandboxSmsOptions { PermanentFailureSuffix = "abc" } });

        Assert.Single(results);
    }
}
