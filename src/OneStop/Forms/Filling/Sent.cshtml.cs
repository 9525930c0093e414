using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>The acknowledgement: the reference number and what happens next. Every later visit to the draft lands here.</summary>
public sealed class SentModel(DraftAccess access, OneStopDb db, IEnumerable<Submitting.ISubmissionCharges> charges) : DraftPageModel(access)
{
    public string Reference { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }
    public LocalisedText Department { get; private set; } = LocalisedText.Empty;

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: true, cancellationToken) is { } refusal) return refusal;
        // A sent amendment has no acknowledgement of its own: the application's page shows the changes.
        if (Journey.Draft.AmendsSubmissionId is { } amended)
            return GoTo(SentApplications.Path(await db.Set<Submission>().Where(s => s.Id == amended).Select(s => s.Reference).SingleAsync(cancellationToken)));
        var submission = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.Id == Journey.Draft.SubmissionId)
            .Select(s => new { s.Id, s.Reference, s.SubmittedAt, s.DepartmentCode, s.HeldForPayment })
            .SingleAsync(cancellationToken);
        // Not accepted until the fee is paid: the payment page says so and takes it.
        if (submission.HeldForPayment)
            foreach (var charge in charges)
                if (await charge.PaymentPathAsync(submission.Id, cancellationToken) is { } pay) return GoTo(pay);
        (Reference, SubmittedAt) = (submission.Reference, submission.SubmittedAt);
        Department = await db.Departments.AsNoTracking().Where(d => d.Code == submission.DepartmentCode).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            ?? new LocalisedText(submission.DepartmentCode, submission.DepartmentCode, submission.DepartmentCode);
        return Page();
    }
}
