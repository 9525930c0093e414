using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.Forms;

/// <summary>
/// The definition the editor works on: the form's draft version when it has one, else its newest version
/// (saving then makes the draft). <see cref="Token"/> names exactly this text, so a save based on an older
/// copy (another administrator saved in between) is refused instead of silently undoing their change.
/// </summary>
public sealed record WorkingCopy(Form Form, FormDefinition Definition, int Version, bool IsDraft, string Token);

/// <summary>Finds a department's forms and saves the editor's changes as the draft version.</summary>
public sealed class FormDrafts(OneStopDb db, FormVersions versions)
{
    /// <summary>The form if it belongs to the caller's department; another department's form is not found.</summary>
    public Task<Form?> FindAsync(ClaimsPrincipal user, string formId, CancellationToken cancellationToken) =>
        db.Set<Form>().AsNoTracking().InDepartmentOf(user, f => f.DepartmentCode).SingleOrDefaultAsync(f => f.Id == formId, cancellationToken);

    public Task<List<FormVersion>> VersionsAsync(string formId, CancellationToken cancellationToken) =>
        db.Set<FormVersion>().AsNoTracking().Where(v => v.FormId == formId).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);

    /// <summary>One version's definition (any state), or null.</summary>
    public async Task<(FormVersion Row, FormDefinition Definition)?> VersionAsync(string formId, int version, CancellationToken cancellationToken)
    {
        var row = await db.Set<FormVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.FormId == formId && v.Version == version, cancellationToken);
        return row is null ? null : (row, Parse(row));
    }

    public async Task<WorkingCopy?> WorkingAsync(ClaimsPrincipal user, string formId, CancellationToken cancellationToken)
    {
        if (await FindAsync(user, formId, cancellationToken) is not { } form) return null;
        var rows = db.Set<FormVersion>().AsNoTracking().Where(v => v.FormId == formId);
        var row = await rows.FirstOrDefaultAsync(v => v.State == VersionState.Draft, cancellationToken)
            ?? await rows.OrderByDescending(v => v.Version).FirstAsync(cancellationToken);
        return new WorkingCopy(form, Parse(row), row.Version, row.State == VersionState.Draft, TokenOf(row));
    }

    /// <summary>All problems of a definition, as publishing would find them.</summary>
    public Task<List<DefinitionProblem>> ProblemsAsync(FormDefinition definition, CancellationToken cancellationToken) =>
        versions.CheckAsync(definition, cancellationToken);

    /// <summary>
    /// Saves <paramref name="changed"/> as the draft. The draft may still have problems (they are listed, and
    /// block publishing); what the editor refuses before this is only what would break its own addresses.
    /// </summary>
    public async Task SaveAsync(WorkingCopy copy, FormDefinition changed, Guid? by, CancellationToken cancellationToken)
    {
        // The id and department are the form's, whatever the edit said.
        await versions.SaveDraftAsync(changed with { Id = copy.Form.Id, Department = copy.Form.DepartmentCode }, by, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static FormDefinition Parse(FormVersion row) =>
        DefinitionJson.Parse(row.Definition, out var error) ?? throw new InvalidOperationException($"Form {row.FormId} v{row.Version} does not read: {error}");

    private static string TokenOf(FormVersion row) =>
        $"{row.Version}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.Definition)))[..16]}";
}
