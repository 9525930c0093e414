using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneStop.Forms.Answers;
using OneStop.Forms.Attachments;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling;
using OneStop.Forms.Filling.Reading;
using OneStop.Platform.Localisation;
using OneStop.Platform.Storage;
using OneStop.Platform.Web.Forms;

namespace OneStop.Forms.Uploads;

/// <summary>What an upload or removal on a question page came to.</summary>
public abstract record FileAction(string FieldId)
{
    /// <summary>Done; <see cref="Notice"/> is the success message to show after the redirect.</summary>
    public sealed record Done(string FieldId, string Notice) : FileAction(FieldId);
    /// <summary>The file was not taken; <see cref="Message"/> is shown on the field.</summary>
    public sealed record Refused(string FieldId, string Message) : FileAction(FieldId);
}

/// <summary>
/// The question page's file buttons: <c>intent=upload:&lt;field id&gt;</c> takes the file chosen in that
/// field's input (named after the field) through <see cref="AttachFile"/>; <c>intent=remove-file:&lt;attachment id&gt;</c>
/// takes one out. Only fields at the top of the page take uploads (not fields inside a repeating group).
/// </summary>
public sealed class PageUploads(AttachFile attach, AnswerProtection protection, Text text, IOptions<AttachmentOptions> options)
{
    public const string UploadIntent = "upload:";
    public const string RemoveIntent = "remove-file:";
    public const string NoticeKey = "forms.uploads.notice";

    public static bool Handles(string intent) =>
        intent.StartsWith(UploadIntent, StringComparison.Ordinal) || intent.StartsWith(RemoveIntent, StringComparison.Ordinal);

    /// <summary>Null when the post names no file field of this page (a forged or stale button).</summary>
    public async Task<FileAction?> RunAsync(Journey journey, PageDefinition page, string intent, IFormFileCollection files, CancellationToken cancellationToken)
    {
        if (intent.StartsWith(UploadIntent, StringComparison.Ordinal))
        {
            if (UploadField(journey, page, intent[UploadIntent.Length..]) is not { } field) return null;
            var file = files.GetFile(field.Id);
            if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName)) return new FileAction.Refused(field.Id, text["forms.attachments.noFile"]);
            await using var content = file.OpenReadStream();
            if (await attach.AddAsync(journey.Draft, journey.Form, field, file.FileName, content, cancellationToken) is { } refusal)
                return new FileAction.Refused(field.Id, text["forms.attachments." + refusal.Kind, refusal.Args]);
            var added = (protection.Unprotect(journey.Draft.Answers)[field.Id] as JsonArray)?.LastOrDefault();
            return new FileAction.Done(field.Id, text["forms.uploads.added", AnswerValues.AsString(added?["name"]) ?? ""]);
        }

        if (!Guid.TryParse(intent[RemoveIntent.Length..], out var attachmentId)) return null;
        var holder = page.Fields.FirstOrDefault(f => f.Type == FieldType.File && FilesOf(journey.Answers, f.Id).Any(a => a.Id == attachmentId));
        if (holder is null) return null;
        var name = FilesOf(journey.Answers, holder.Id).First(a => a.Id == attachmentId).Name;
        await attach.RemoveAsync(journey.Draft, journey.Form, attachmentId, cancellationToken);
        return new FileAction.Done(holder.Id, text["forms.uploads.removed", name]);
    }

    private static FieldDefinition? UploadField(Journey journey, PageDefinition page, string id) =>
        FormRules.ShownFields(page, journey.Answers, journey.Today).FirstOrDefault(f => f.Id == id && f.Type == FieldType.File);

    /// <summary>Shows a refusal on the field and in the error summary of a page being shown again.</summary>
    public static void Show(FormPageModel model, PageForm form, string fieldId, string message)
    {
        form.Errors[fieldId] = new ShownError(new FieldError(fieldId, "upload"), message);
        model.AddError(FieldNames.Id(fieldId), message);
    }

    /// <summary>The files an answer holds, as the page lists them.</summary>
    public static IReadOnlyList<AddedFile> FilesOf(JsonObject answers, string name)
    {
        var parts = name.Split('.');
        var value = parts.Length == 3
            ? (answers[parts[0]] as JsonArray)?.ElementAtOrDefault(int.TryParse(parts[1], out var i) ? i : -1) is JsonObject item ? item[parts[2]] : null
            : answers[name];
        return (value as JsonArray ?? []).OfType<JsonObject>()
            .Select(f => new AddedFile(Guid.TryParse(AnswerValues.AsString(f["id"]), out var id) ? id : Guid.Empty,
                AnswerValues.AsString(f["name"]) ?? "", (long)(AnswerValues.AsDecimal(f["size"]) ?? 0)))
            .ToList();
    }

    /// <summary>The largest file the field takes, in bytes.</summary>
    public long MaxBytes(FieldDefinition field) => field.MaxBytes ?? options.Value.MaxFileBytes;
}

public sealed record AddedFile(Guid Id, string Name, long Size)
{
    public string Shown(Text text) => Size >= 1024 * 1024
        ? text["forms.uploads.size.mb", (Size / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)]
        : text["forms.uploads.size.kb", Math.Max(1, (Size + 1023) / 1024)];
}

/// <summary>What a file field tells people about what it takes.</summary>
public static class FileFieldHints
{
    public static string TypeNames(FieldDefinition field) => string.Join(", ", field.Accept.Select(t => t.ToUpperInvariant()));

    /// <summary>The input's accept list (a hint to the file picker only: types are decided by content).</summary>
    public static string Accept(FieldDefinition field) => string.Join(',', field.Accept.Select(FileTypes.Find).OfType<FileType>()
        .SelectMany(t => t == FileTypes.Jpeg ? [".jpg", ".jpeg"] : new[] { t.Extension }));
}
