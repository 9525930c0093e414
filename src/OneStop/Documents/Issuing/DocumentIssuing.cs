using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Documents.Signing;
using OneStop.Documents.Templates;
using OneStop.Forms;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Identity.Profile;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;
using OneStop.Platform.References;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Documents.Issuing;

/// <summary>
/// What to issue: for which case, under which key (<see cref="IssuedDocument.IssueKey"/>), and — for a re-issue
/// or renewal — the version it supersedes, the number it keeps and the validity it starts from.
/// </summary>
public sealed record IssueRequest(Guid CaseId, string IssueKey, Guid? ActorId, IssuedDocument? Previous = null, DateOnly? ValidFrom = null, string AuditEvent = DocumentAuditEvents.Issued);

public abstract record IssueResult
{
    public sealed record Issued(IssuedDocument Document) : IssueResult;
    /// <summary>Issued before under the same key (a repeated message, a double click): nothing new.</summary>
    public sealed record AlreadyIssued(IssuedDocument Document) : IssueResult;
    /// <summary>The service issues no document, or the case is not there.</summary>
    public sealed record NothingToIssue : IssueResult;
}

/// <summary>
/// Writes, signs, stores and records a document: the template's words from the application, the decision
/// and the holder's name; a PDF signed with the department's current key; the record, its audit entry and the
/// holder's notification saved together. The file is stored before the row; if the row loses a race on its
/// issue key, the file is deleted again and the winner's document returned.
/// </summary>
public sealed class DocumentIssuing(OneStopDb db, DocumentTemplates templates, DepartmentKeys keys, IFileStore files, ReferenceNumbers numbers,
    FormStore forms, AnswerProtection answers, AnswerSummary summary, IProfileReader profiles, DocumentText protection,
    Text text, PublicLinks links, Cases.Engine.CaseText caseText, Notifier notifier, AuditLog audit, Outbox outbox, TimeProvider clock)
{
    public async Task<IssueResult> IssueAsync(IssueRequest request, CancellationToken cancellationToken = default)
    {
        if (await FindByKeyAsync(request.IssueKey, cancellationToken) is { } existing) return new IssueResult.AlreadyIssued(existing);
        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.CaseId, cancellationToken);
        if (c is null || await templates.ForServiceAsync(c.ServiceSlug, cancellationToken) is not { } definition) return new IssueResult.NothingToIssue();
        var submission = await db.Set<Submission>().AsNoTracking().SingleAsync(s => s.Id == c.SubmissionId, cancellationToken);
        var form = await forms.VersionAsync(submission.FormId, submission.Version, cancellationToken);
        var given = answers.Unprotect(submission.Answers);
        var language = Languages.FromCulture(c.Language) ?? Language.En;

        var now = clock.GetUtcNow();
        var today = HongKongTime.Today(clock);
        var validFrom = request.ValidFrom ?? request.Previous?.ValidFrom ?? today;
        var number = request.Previous?.Number ?? await numbers.NextAsync(definition.NumberPrefix, cancellationToken);
        var version = (request.Previous?.Version ?? 0) + 1;
        var code = NewCode();
        var holder = await HolderNameAsync(definition, c.ApplicantId, given, language, cancellationToken);
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == c.DepartmentCode).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            ?? new LocalisedText(c.DepartmentCode, c.DepartmentCode, c.DepartmentCode);
        var note = await DecisionNoteAsync(c.Id, cancellationToken);

        string? Answer(string fieldId, Language l)
        {
            var field = form?.Definition.Pages.SelectMany(p => p.Fields).FirstOrDefault(f => f.Id == fieldId);
            return field is null || !AnswerValues.IsAnswered(given[fieldId]) ? null : string.Join(", ", summary.Format(field, given[fieldId], l));
        }
        var content = TemplateRules.Compose(definition, new DocumentInputs(number, version, holder, language, department, today, validFrom,
            submission.Reference, note, links.Origin + DocumentPaths.Verify(code), Answer, text.Get));

        var key = await keys.CurrentAsync(c.DepartmentCode, cancellationToken);
        var pdf = await LicencePdf.RenderSignedAsync(content, new PdfSigner(key, now), now, text.Get(language, "documents.pdf.reason"));
        var stored = await files.PutAsync(new MemoryStream(pdf), cancellationToken);

        var document = new IssuedDocument
        {
            Id = Guid.NewGuid(),
            Number = number,
            VerificationCode = code,
            DepartmentCode = c.DepartmentCode,
            ServiceSlug = c.ServiceSlug,
            Kind = definition.Kind,
            Title = new LocalisedText(definition.Title.En, definition.Title.ZhHk, definition.Title.ZhCn),
            CaseId = c.Id,
            SubmissionId = submission.Id,
            ApplicationReference = submission.Reference,
            HolderId = c.ApplicantId,
            HolderName = protection.Protect(holder),
            MaskedHolderName = NameMask.Mask(holder),
            Language = language.Tag(),
            Version = version,
            PreviousId = request.Previous?.Id,
            IssuedAt = now.UtcDateTime,
            IssuedBy = request.ActorId,
            ValidFrom = validFrom,
            ValidUntil = TemplateRules.ValidUntil(definition, validFrom),
            StorageKey = stored.Key,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            Size = pdf.Length,
            SigningKeyId = key.Id,
            IssueKey = request.IssueKey,
        };
        db.Add(document);
        if (request.Previous is { } previous)
        {
            var superseded = await db.Set<IssuedDocument>().Where(d => d.Id == previous.Id && d.State == DocumentState.Valid)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DocumentState.Superseded).SetProperty(d => d.SupersededById, document.Id)
                    .SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
            _ = superseded; // A revoked document stays revoked; its successor is valid all the same.
        }
        audit.Record(request.AuditEvent, request.ActorId, c.ApplicantId, "document", $"{number} v{version}", $"case={c.Reference};key={key.Id}", c.DepartmentCode);
        outbox.Add(DocumentIssued.Topic, new DocumentIssued(document.Id));
        if (c.ApplicantId is { } holderId)
            await notifier.EnqueueAsync(new NotificationRequest(NotificationEvents.DocumentIssued, c.DepartmentCode, holderId, null, language.Tag(), c.Id,
                $"document-issued:{document.Id}", new Dictionary<string, string>
                {
                    ["document"] = definition.Title.En, ["document:zh-HK"] = definition.Title.ZhHk, ["document:zh-CN"] = definition.Title.ZhCn,
                    ["reference"] = number,
                    ["expires"] = document.ValidUntil is { } until ? Dates.Long(until, Language.En) : "-",
                    ["expires:zh-HK"] = document.ValidUntil is { } u2 ? Dates.Long(u2, Language.ZhHk) : "-",
                    ["expires:zh-CN"] = document.ValidUntil is { } u3 ? Dates.Long(u3, Language.ZhCn) : "-",
                    ["link"] = DocumentPaths.Document(document.Id),
                }), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new IssueResult.Issued(document);
        }
        catch (DbUpdateException)
        {
            // Lost a race on the issue key (two deliveries at once): keep the winner's document, drop our file.
            if (await FindByKeyAsync(request.IssueKey, cancellationToken, fresh: true) is not { } winner) throw;
            await files.DeleteAsync(stored.Key, CancellationToken.None);
            return new IssueResult.AlreadyIssued(winner);
        }
    }

    private async Task<IssuedDocument?> FindByKeyAsync(string issueKey, CancellationToken cancellationToken, bool fresh = false)
    {
        if (fresh) db.ChangeTracker.Clear();
        return await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.IssueKey == issueKey, cancellationToken);
    }

    /// <summary>The name printed: the profile's (Chinese for a Chinese-language holder when they gave one) or the answer the template names.</summary>
    private async Task<string> HolderNameAsync(DocumentDefinition definition, Guid? applicantId, System.Text.Json.Nodes.JsonObject given, Language language, CancellationToken cancellationToken)
    {
        if (definition.Holder.StartsWith(DocumentSources.AnswerPrefix, StringComparison.Ordinal)
            && AnswerValues.AsString(given[definition.Holder[DocumentSources.AnswerPrefix.Length..]]) is { Length: > 0 } answered)
            return answered.Trim();
        if (applicantId is { } id)
        {
            var names = await profiles.ReadAsync(id, [ProfileFields.NameEnglish, ProfileFields.NameChinese], cancellationToken);
            var chinese = names.GetValueOrDefault(ProfileFields.NameChinese)?.Value;
            var english = names.GetValueOrDefault(ProfileFields.NameEnglish)?.Value;
            var name = language != Language.En && !string.IsNullOrWhiteSpace(chinese) ? chinese : english ?? chinese;
            if (!string.IsNullOrWhiteSpace(name)) return name.Trim();
        }
        return "-";
    }

    /// <summary>The reason the officer gave with the approving action, which a template may print (e.g. "approved with conditions: …").</summary>
    private async Task<string?> DecisionNoteAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Moved && !e.Internal && e.Text != null && !e.ByApplicant)
            .OrderByDescending(e => e.At).Select(e => e.Text).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : caseText.UnprotectOrNull(stored);
    }

    /// <summary>16 characters of Crockford base32 (80 bits): unguessable, and easy to read out or type from paper.</summary>
    public static string NewCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var bytes = RandomNumberGenerator.GetBytes(16);
        return string.Create(16, bytes, (span, b) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[b[i] & 31]; });
    }
}
