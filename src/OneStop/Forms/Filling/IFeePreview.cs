using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;

namespace OneStop.Forms.Filling;

/// <summary>
/// The fee an application's answers come to, shown on check your answers before it is sent. Payments makes it
/// (Forms does not otherwise know about fees); the amount charged is worked out again from the stored answers.
/// </summary>
public interface IFeePreview
{
    /// <summary>The fee for <paramref name="answers"/>, or null when the service charges none.</summary>
    Task<FeePreview?> PreviewAsync(string? serviceSlug, string formId, JsonObject answers, Guid? applicantId, CancellationToken cancellationToken);
}

/// <summary>What the applicant would pay, and whether on sending the application or once it is approved.</summary>
public sealed record FeePreview(bool OnApproval, decimal Total, IReadOnlyList<FeePreviewLine> Lines);

/// <summary>One item of the fee: its name, quantity and unit price when counted, and a concession taken off.</summary>
public sealed record FeePreviewLine(Words Name, decimal? Quantity, decimal? UnitAmount, Words? Concession, decimal Discount, decimal Amount);
