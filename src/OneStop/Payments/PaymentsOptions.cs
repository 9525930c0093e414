using System.ComponentModel.DataAnnotations;

namespace OneStop.Payments;

/// <summary>Section <c>Payments</c> (docs/configuration.md).</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>Which provider new payments use: <c>sandbox</c> (default) or <c>stripe</c>.</summary>
    [Required, RegularExpression("^(sandbox|stripe)$")]
    public string Provider { get; set; } = "sandbox";

    /// <summary>How long a payer has to finish paying before the payment expires and the checkout is closed.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the expiry and reconciliation jobs look for work.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Off in tests, which run the jobs themselves.</summary>
    public bool BackgroundJobs { get; set; } = true;
}
