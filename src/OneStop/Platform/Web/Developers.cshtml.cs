using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace OneStop.Platform.Web;

public sealed record ApiParameter(string Name, string In, bool Required, string? Type, string? Description);

public sealed record ApiOperation(string Method, string Path, string? Summary, IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<string> Responses);

/// <summary>
/// A readable, script-free API reference drawn from the same OpenAPI document that /openapi/v1.json
/// serves, so the two never disagree. Chosen over a JavaScript API explorer, which our CSP and
/// accessibility goals would rule out.
/// </summary>
public sealed class DevelopersModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public IReadOnlyList<ApiOperation> Operations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Operations = document.Paths
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new ApiOperation(
                op.Key.Method.ToUpperInvariant(),
                path.Key,
                op.Value.Summary,
                (op.Value.Parameters ?? []).Select(p => new ApiParameter(p.Name ?? "", p.In?.ToString()?.ToLowerInvariant() ?? "",
                    p.Required, p.Schema?.Type?.ToString()?.ToLowerInvariant(), p.Description)).ToList(),
                (op.Value.Responses ?? []).Select(r => r.Key).ToList())))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method)
            .ToList();
    }
}
