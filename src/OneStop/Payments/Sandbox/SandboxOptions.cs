using System.ComponentModel.DataAnnotations;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// Section <c>Payments:Sandbox</c>: the gateway that runs inside OneStop so payments work without a contract
/// with a real provider, and behaves like one (docs/payments/sandbox.md).
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";

    /// <summary>The HMAC-SHA256 key both sides of the callback share. Any deployment that switches the sandbox on sets its own.</summary>
    [Required, MinLength(16)]
    public string SigningSecret { get; set; } = "";

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
}
