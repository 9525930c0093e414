using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Forms.Submitting;
using OneStop.Payments.Engine;
using OneStop.Platform.Database;
using OneStop.Platform.References;

namespace OneStop.Payments.Fees;

/// <summary>
/// Asks for a service's fee at the moment its schedule says: when the application is submitted (the
/// application is held until paid) or when its case is approved (the case waits for payment). The amount is
/// worked out here, on the server, from the stored answers.
/// </summary>
public sealed class Charges(OneStopDb db, FeeSchedules schedules, PaymentActions actions, ReferenceNumbers references,
    AnswerProtection answers, PaymentText text) : ISubmissionCharges, IApprovalCharges
{
    public const string ReferencePrefix = "PAY";

    public async Task<bool> HoldAsync(Submission submission, JsonObject stored, string? contactEmail, CancellationToken cancellationToken)
    {
        var slug = submission.ServiceSlug ?? await db.Services.Where(s => s.StartFormId == submission.FormId).OrderBy(s => s.Id).Select(s => s.Slug).FirstOrDefaultAsync(cancellationToken);
        if (await schedules.ForServiceAsync(slug, cancellationToken) is not { When: PaymentTiming.Submission } fees) return false;
        var quote = await schedules.QuoteAsync(fees, stored, submission.UserId, cancellationToken);
        // Waived in full: nothing to pay, the application goes straight on.
        if (quote.Total <= 0) return false;
        var payment = actions.New(PaymentPurpose.Application, await references.NextAsync(ReferencePrefix, cancellationToken), submission.DepartmentCode,
            quote.Total, FeeSchedules.LinesJson(quote), $"application:{submission.Id}:1", 1, submission.Language);
        payment.ServiceSlug = slug;
        payment.SubmissionId = submission.Id;
        payment.ApplicationReference = submission.Reference;
        payment.PayerId = submission.UserId;
        payment.PayerEmail = contactEmail is null ? null : text.Protect(contactEmail);
        return true;
    }

    public async Task<string?> PaymentPathAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var payment = await db.Set<Payment>().AsNoTracking().Where(p => p.SubmissionId == submissionId && p.Purpose == PaymentPurpose.Application)
            .OrderByDescending(p => p.Attempt).FirstOrDefaultAsync(cancellationToken);
        return payment is null ? null : PaymentPaths.Page(payment);
    }

    public async Task<ApprovalCharge?> ChargeAsync(Case c, CancellationToken cancellationToken)
    {
        if (await schedules.ForServiceAsync(c.ServiceSlug, cancellationToken) is not { When: PaymentTiming.Approval } fees) return null;
        var submission = await db.Set<Submission>().AsNoTracking().SingleAsync(s => s.Id == c.SubmissionId, cancellationToken);
        var quote = await schedules.QuoteAsync(fees, answers.Unprotect(submission.Answers), c.ApplicantId, cancellationToken);
        if (quote.Total <= 0) return null;
        var payment = actions.New(PaymentPurpose.Approval, await references.NextAsync(ReferencePrefix, cancellationToken), c.DepartmentCode,
            quote.Total, FeeSchedules.LinesJson(quote), $"approval:{c.Id}:1", 1, c.Language);
        payment.ServiceSlug = c.ServiceSlug;
        payment.SubmissionId = c.SubmissionId;
        payment.ApplicationReference = c.Reference;
        payment.CaseId = c.Id;
        payment.PayerId = c.ApplicantId;
        payment.PayerEmail = submission.ContactEmail is { } email ? text.Protect(answers.UnprotectText(email)) : null;
        return new ApprovalCharge(payment.Amount, PaymentPaths.Page(payment));
    }
}
