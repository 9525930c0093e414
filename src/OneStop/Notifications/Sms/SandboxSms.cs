using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OneStop.Notifications.Sms;

/// <summary>
/// The default provider, for the local run and tests: each text is a file in
/// <c>Notifications:Sandbox:Folder</c>, named after its idempotency key, so a repeat finds the file and
/// is not sent again. Numbers ending in the configured suffixes fail permanently or transiently, and an
/// optional delay stands for a slow provider.
/// </summary>
internal sealed class SandboxSms(IOptions<NotificationOptions> options, TimeProvider clock) : ISmsProvider
{
    public async Task<SmsResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value.Sandbox;
        if (o.Delay > TimeSpan.Zero) await Task.Delay(o.Delay, clock, cancellationToken);
        if (message.To.EndsWith(o.PermanentFailureSuffix, StringComparison.Ordinal)) return SmsResult.Permanent("sms:invalid-number");
        if (message.To.EndsWith(o.TransientFailureSuffix, StringComparison.Ordinal)) return SmsResult.Transient("sms:provider-unavailable");

        // The key may hold any characters; its hash makes a safe, fixed-length file name and the provider's id.
        var id = "SBX" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..32];
        Directory.CreateDirectory(o.Folder);
        var path = Path.Combine(o.Folder, id + ".txt");
        if (File.Exists(path)) return SmsResult.Sent(id);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temporary,
            $"To: {message.To}\nDate: {clock.GetUtcNow():O}\nIdempotency-Key: {message.IdempotencyKey}\n\n{message.Body}\n", cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another attempt with the same key got there first: it is sent once, and this one is that message.
            File.Delete(temporary);
        }
        return SmsResult.Sent(id);
    }
}
