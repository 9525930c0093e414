using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Forms;
using OneStop.Forms.Filling;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Cases.Applicants;

/// <summary>
/// Where each application on "My applications" stands (Forms asks through <see cref="IApplicationProgress"/>):
/// a few reads for the whole list, not a few per row.
/// </summary>
public sealed class ListProgress(OneStopDb db, WorkflowStore workflows, CaseText text, CaseWords words, Text strings, IApplicantPayments payments) : IApplicationProgress
{
    /// <summary>How much of a request the list quotes; the application's page shows all of it.</summary>
    private const int Quoted = 160;

    public async Task<IReadOnlyDictionary<Guid, ApplicationProgress>> ForAsync(Guid userId, IReadOnlyCollection<Guid> submissionIds, CancellationToken cancellationToken)
    {
        var ids = submissionIds.ToList();
        var submissions = await db.Set<Submission>().AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.UserId == userId)
            .Select(s => new { s.Id, s.Reference, s.SubmittedAt, s.DepartmentCode, s.ServiceSlug, s.HeldForPayment }).ToListAsync(cancellationToken);
        var cases = await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.SubmissionId) && c.ApplicantId == userId).ToListAsync(cancellationToken);
        var slugs = cases.Select(c => c.ServiceSlug).Concat(submissions.Select(s => s.ServiceSlug).OfType<string>()).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Where(s => slugs.Contains(s.Slug)).Select(s => new { s.Slug, s.Name }).ToListAsync(cancellationToken);
        var codes = submissions.Select(s => s.DepartmentCode).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var waiting = cases.Where(c => c.State == BuiltInStates.ReturnedId).Select(c => c.Id).ToList();
        var requests = (await db.Set<CaseEvent>().AsNoTracking()
                .Where(e => waiting.Contains(e.CaseId) && e.Kind == CaseEventKind.ReturnedToApplicant)
                .Select(e => new { e.CaseId, e.At, e.Id, e.Text }).ToListAsync(cancellationToken))
            .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).Last().Text);

        var language = Languages.Current;
        var fees = await payments.ForAsync(userId, ids, language, cancellationToken);
        var result = new Dictionary<Guid, ApplicationProgress>();
        foreach (var s in submissions)
        {
            var c = cases.FirstOrDefault(x => x.SubmissionId == s.Id);
            var workflow = c is null ? null : (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition;
            var slug = c?.ServiceSlug ?? s.ServiceSlug;
            var view = new ApplicantCase(s.Id, s.Reference, s.SubmittedAt, s.DepartmentCode,
                departments.GetValueOrDefault(s.DepartmentCode) ?? new LocalisedText(s.DepartmentCode, s.DepartmentCode, s.DepartmentCode),
                services.FirstOrDefault(x => x.Slug == slug)?.Name, null, [], c, workflow, []);
            var next = words.Next(view, language);
            var progress = new ApplicationProgress(view.Service?[language], words.StateName(view, language), CaseWords.Colour(view), next);
            if (view.WaitingForReply)
            {
                var asked = c is not null && requests.GetValueOrDefault(c.Id) is { } stored ? text.Unprotect(stored) : null;
                if (asked is not null) next = strings.Get(language, "cases.applicant.list.asked").Replace("{0}", Shorten(asked), StringComparison.Ordinal);
                progress = progress with { Next = next, Action = strings.Get(language, "cases.applicant.list.reply"), ActionPath = SentApplications.Path(s.Reference) + "/reply" };
            }
            if (fees.GetValueOrDefault(s.Id) is { Count: > 0 } paying) progress = WithPayments(progress, s.HeldForPayment, c, paying, language);
            result[s.Id] = progress;
        }
        return result;
    }

    /// <summary>A fee in the way (the application held until paid, or the approved case waiting for it): "Pay"; a paid fee: its receipt.</summary>
    private ApplicationProgress WithPayments(ApplicationProgress progress, bool held, Case? c, IReadOnlyList<ApplicantPayment> paying, Language language)
    {
        if (paying.FirstOrDefault(p => p.Paid) is { ReceiptPath: { } receipt })
            progress = progress with { Receipt = strings.Get(language, "payments.receipts.mine.receipt"), ReceiptPath = receipt };
        var due = paying.FirstOrDefault(p => !p.Paid) ?? paying[0];
        var amount = string.Format(language.Culture(), strings.Get(language, "payments.receipts.mine.amountDue"), Forms.Acknowledgement.AnswerSummary.Money(due.Amount));
        var pay = strings.Get(language, "payments.receipts.mine.pay");
        if (held) return progress with { State = strings.Get(language, "payments.receipts.mine.needed"), StateColour = "orange", Next = amount, Action = pay, ActionPath = due.PayPath };
        if (c?.State == BuiltInStates.AwaitingPaymentId) return progress with { Next = $"{progress.Next} {amount}".Trim(), Action = pay, ActionPath = due.PayPath };
        return progress;
    }

    private static string Shorten(string request)
    {
        var line = request.ReplaceLineEndings(" ");
        return line.Length <= Quoted ? line : line[..Quoted].TrimEnd() + "…";
    }
}
