using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Office.DocumentTemplates;

/// <summary>The services whose document templates the caller may edit, those with a template first.</summary>
[Authorize(Policy = DocumentTemplateEditorModule.Policy)]
public sealed class TemplatesIndexModel(TemplateEditor editor) : PageModel
{
    public IReadOnlyList<TemplateRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await editor.ListAsync(User, cancellationToken);
        return Page();
    }
}
