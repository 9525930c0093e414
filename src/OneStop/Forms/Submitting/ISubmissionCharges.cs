using System.Text.Json.Nodes;

namespace OneStop.Forms.Submitting;

/// <summary>
/// The fee for an application, where its service charges one on submission (made by Payments, which Forms does
/// not otherwise know about). It works in the submitting unit of work, so the application and what it owes
/// commit together.
/// </summary>
public interface ISubmissionCharges
{
    /// <summary>
    /// Adds the payment the application needs before it is accepted to the unit of work; true when there is one
    /// (the submission is then held: <see cref="Submission.HeldForPayment"/>). Does not save.
    /// </summary>
    Task<bool> HoldAsync(Submission submission, JsonObject answers, string? contactEmail, CancellationToken cancellationToken);

    /// <summary>The app-relative page where the held application's fee is paid (with a guest's key), or null when nothing is due.</summary>
    Task<string?> PaymentPathAsync(Guid submissionId, CancellationToken cancellationToken);
}
