using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Forms;
using OneStop.Identity.Staff;

namespace OneStop.Office.Forms;

/// <summary>What changed between two versions of a form (by default, from the published version to the newest).</summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class ChangesModel(FormDrafts drafts) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public Form Form { get; private set; } = null!;
    public IReadOnlyList<FormVersion> Versions { get; private set; } = [];
    public IReadOnlyList<FormChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is not { } form) return NotFound();
        Form = form;
        Versions = await drafts.VersionsAsync(id, cancellationToken);
        To ??= Versions[0].Version;
        From ??= form.PublishedVersion is { } published && published < To ? published : To - 1;
        if (From < 1) From = To;
        if (await drafts.VersionAsync(id, From.Value, cancellationToken) is not { } from
            || await drafts.VersionAsync(id, To.Value, cancellationToken) is not { } to) return NotFound();
        Changes = DefinitionDiff.Compare(from.Definition, to.Definition);
        return Page();
    }
}
