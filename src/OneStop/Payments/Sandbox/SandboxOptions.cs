using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// Section <c>Payments:Sandbox</c>: the gateway that runs inside OneStop so payments work without a contract
/// with a real provider, and behaves like one (docs/payments/sandbox.md).
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";

    /// <summary>
    /// On in appsettings.json, off in appsettings.Production.json, and off when nothing says so, so that a
    /// deployment never takes pretend payments by accident. Off, the adapter, hosted page, callback delivery
    /// and settlement file are not there at all, and the secrets below are not needed.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The HMAC-SHA256 key both sides of the callback share. Any deployment that switches the sandbox on sets its own (16+ characters).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The bearer key a merchant presents to download a settlement file (16+ characters).</summary>
    public string SettlementKey { get; set; } = "";

    /// <summary>A callback signed longer ago than this (or this far in the future) is refused as a possible replay.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after the event the gateway sends its callback.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>FPS and PPS settle asynchronously: the payment is "processing" this long before it succeeds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SettlementDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Each callback is sent this many extra times, as real gateways sometimes do.</summary>
    [Range(0, 10)]
    public int DuplicateCallbacks { get; set; }

    /// <summary>Send a payment's callbacks newest first (its "succeeded" before its "processing").</summary>
    public bool OutOfOrder { get; set; }

    /// <summary>The first this-many attempts to deliver each callback fail (as if the connection dropped); the gateway retries.</summary>
    [Range(0, 10)]
    public int FailFirstDeliveries { get; set; }

    public const int MinSecretLength = 16;
}

/// <summary>The secrets are needed only when the sandbox is on: production switches it off and sets neither.</summary>
public sealed class SandboxOptionsValidation : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.SigningSecret.Length < SandboxOptions.MinSecretLength)
            failures.Add($"{SandboxOptions.Section}:{nameof(SandboxOptions.SigningSecret)} must be at least {SandboxOptions.MinSecretLength} characters when the sandbox is enabled.");
        if (options.SettlementKey.Length < SandboxOptions.MinSecretLength)
            failures.Add($"{SandboxOptions.Section}:{nameof(SandboxOptions.SettlementKey)} must be at least {SandboxOptions.MinSecretLength} characters when the sandbox is enabled.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
