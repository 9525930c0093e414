using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Notifications;

/// <summary>
/// Encrypts what a notification may say about a person (placeholder values, a guest's address, inbox
/// copies, a phone number) with Data Protection, under a purpose of its own.
/// </summary>
public sealed class NotificationProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OneStop.Notifications.v1");

    public string Protect(string text) => _protector.Protect(text);

    public string Unprotect(string stored) => _protector.Unprotect(stored);

    public string ProtectValues(IReadOnlyDictionary<string, string> values) => _protector.Protect(JsonSerializer.Serialize(values));

    public IReadOnlyDictionary<string, string> UnprotectValues(string stored) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(stored)) ?? [];
}
