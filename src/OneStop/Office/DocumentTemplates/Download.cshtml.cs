using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Documents.Templates;

namespace OneStop.Office.DocumentTemplates;

/// <summary>The service's document template as a JSON file, as stored (what an upload of it gives back); none is not found.</summary>
[Authorize(Policy = DocumentTemplateEditorModule.Policy)]
public sealed class TemplateDownloadModel(TemplateEditor editor) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string serviceSlug, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(User, serviceSlug, cancellationToken) is not { Definition: { } definition }) return NotFound();
        return File(Encoding.UTF8.GetBytes(DocumentJson.Write(definition)), "application/json", $"{serviceSlug}-document.json");
    }
}
