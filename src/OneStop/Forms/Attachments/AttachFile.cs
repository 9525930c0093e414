using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Forms.Attachments;

/// <summary>Section <c>Forms:Attachments</c>: limits used when a form does not set its own.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Forms:Attachments";

    [System.ComponentModel.DataAnnotations.Range(1, 1L << 31)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    [System.ComponentModel.DataAnnotations.Range(1, 1L << 33)]
    public long MaxSubmissionBytes { get; set; } = 50 * 1024 * 1024;
}

/// <summary>Why a file was not taken; <see cref="Args"/> fill the message <c>forms.attachments.{Kind}</c>.</summary>
public sealed record AttachRefusal(string Kind, params object[] Args);

public static class AttachmentEvents
{
    public const string Attached = "application.file-attached";
    public const string Removed = "application.file-removed";
}

/// <summary>
/// Adds a file to a draft's answer, or takes one away, before the application is sent. The file goes
/// through <see cref="FileIntake"/> (size while streaming, type by content, virus scan) with the field's and
/// the form's limits; the answer and the attachment row are saved together. Callers have already checked
/// that the person may use the draft and that it is not sent.
/// </summary>
public sealed class AttachFile(OneStopDb db, FileIntake intake, IFileStore store, AnswerProtection protection,
    AuditLog audit, TimeProvider clock, IOptions<AttachmentOptions> options)
{
    public async Task<AttachRefusal?> AddAsync(FormDraft draft, LoadedForm form, FieldDefinition field, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var answers = protection.Unprotect(draft.Answers);
        var files = answers[field.Id] as JsonArray ?? [];
        var maxFiles = field.MaxFiles ?? 1;
        if (files.Count >= maxFiles) return new AttachRefusal("tooManyFiles", maxFiles);

        var held = await db.Set<FormAttachment>().Where(a => a.DraftId == draft.Id).SumAsync(a => (long?)a.Size, cancellationToken) ?? 0;
        var rules = new IntakeRules(field.MaxBytes ?? options.Value.MaxFileBytes, field.Accept,
            (form.Definition.MaxTotalUploadBytes ?? options.Value.MaxSubmissionBytes) - held);
        switch (await intake.AcceptAsync(content, rules, cancellationToken))
        {
            case IntakeResult.Accepted accepted:
                var name = SafeName(fileName, accepted.Type.Extension);
                var attachment = new FormAttachment
                {
                    Id = Guid.CreateVersion7(),
                    DraftId = draft.Id,
                    FieldId = field.Id,
                    StorageKey = accepted.File.Key,
                    FileName = protection.ProtectText(name),
                    TypeName = accepted.Type.Name,
                    Size = accepted.File.Length,
                    Sha256 = accepted.File.Sha256,
                    Scan = accepted.Scan.ToString(),
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.Add(attachment);
                files.Add(new JsonObject
                {
                    ["id"] = attachment.Id.ToString(), ["name"] = name, ["type"] = attachment.TypeName,
                    ["size"] = attachment.Size, ["sha256"] = attachment.Sha256,
                });
                answers[field.Id] = files.DeepClone();
                Save(draft, answers);
                audit.Record(AttachmentEvents.Attached, draft.UserId, draft.UserId, "draft", draft.Id.ToString(), $"field={field.Id};type={attachment.TypeName}", form.DepartmentCode);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch
                {
                    await store.DeleteAsync(accepted.File.Key, CancellationToken.None);
                    throw;
                }
                return null;
            case IntakeResult.FileTooLarge tooLarge: return new AttachRefusal("fileTooLarge", Megabytes(tooLarge.Limit));
            case IntakeResult.SubmissionTooLarge total: return new AttachRefusal("submissionTooLarge", Megabytes(total.Remaining));
            case IntakeResult.TypeNotAllowed: return new AttachRefusal("typeNotAllowed", string.Join(", ", field.Accept.Select(t => t.ToUpperInvariant())));
            case IntakeResult.Infected: return new AttachRefusal("infected");
            case IntakeResult.Empty: return new AttachRefusal("empty");
            default: return new AttachRefusal("scanFailed");
        }
    }

    /// <summary>Takes a file out of the answer and deletes it. False when the draft holds no such file.</summary>
    public async Task<bool> RemoveAsync(FormDraft draft, LoadedForm form, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Set<FormAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DraftId == draft.Id && a.SubmissionId == null, cancellationToken);
        if (attachment is null) return false;
        var answers = protection.Unprotect(draft.Answers);
        if (answers[attachment.FieldId] is JsonArray files)
        {
            var kept = files.Where(f => AnswerValues.AsString(f?["id"]) != attachment.Id.ToString()).Select(f => f?.DeepClone()).ToArray();
            if (kept.Length == 0) answers.Remove(attachment.FieldId);
            else answers[attachment.FieldId] = new JsonArray(kept);
        }
        db.Remove(attachment);
        Save(draft, answers);
        audit.Record(AttachmentEvents.Removed, draft.UserId, draft.UserId, "draft", draft.Id.ToString(), $"field={attachment.FieldId}", form.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        // After the commit: a crash in between leaves an orphan file, never an answer without its file.
        await store.DeleteAsync(attachment.StorageKey, cancellationToken);
        return true;
    }

    private void Save(FormDraft draft, JsonObject answers)
    {
        draft.Answers = protection.Protect(answers);
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        draft.Revision++;
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name as given without any folder part, cut to 120 characters, ending in the extension its content has.</summary>
    private static string SafeName(string given, string extension)
    {
        var name = Path.GetFileName(given.Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length == 0) stem = "file";
        if (stem.Length > 120) stem = stem[..120];
        return $"{stem}.{extension.TrimStart('.')}";
    }
}
