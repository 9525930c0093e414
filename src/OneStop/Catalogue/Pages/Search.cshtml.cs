using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Web;

namespace OneStop.Catalogue.Pages;

/// <summary>Search results with facets. Filters are plain links, so the page works without JavaScript.</summary>
public sealed class SearchModel(CatalogueCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }

    public ServiceQuery Query { get; private set; } = null!;
    public ServiceResults Results { get; private set; } = null!;
    public bool TextTooLong { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        var (query, errors) = ServiceQueryParser.Parse(snapshot, Q, Department, Category, Channel, Request.PageParameter(), null);
        TextTooLong = errors.ContainsKey("q");
        // A person who follows an old link with a filter that no longer exists still gets results.
        Query = TextTooLong ? query with { Text = null } : query;
        Results = SearchServices.Run(snapshot, Query);
    }

    public string Link(string? department, string? category, string? channel, int page = 1) =>
        PageLinks.With(Url.Content("~/search"), ("q", Query.Text), ("department", department), ("category", category),
            ("channel", channel), ("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Each chosen filter, in words, with the link that removes it alone.</summary>
    public IReadOnlyList<(string Name, string RemoveLink)> SelectedFilters(Func<string, string> text)
    {
        var filters = new List<(string, string)>();
        if (Query.Department is { } d) filters.Add((d.Name.Current, Link(null, CurrentCategory, CurrentChannel)));
        if (Query.Category is { } c) filters.Add((c.Name.Current, Link(CurrentDepartment, null, CurrentChannel)));
        if (Query.Channel is { } ch) filters.Add((text("channel." + ch.Name()), Link(CurrentDepartment, CurrentCategory, null)));
        return filters;
    }

    public string? CurrentDepartment => Query.Department?.Code;
    public string? CurrentCategory => Query.Category?.Slug;
    public string? CurrentChannel => Query.Channel?.Name();

    public Pager Pager => new(Query.Page, Results.PageCount(Query.PageSize),
        p => Link(CurrentDepartment, CurrentCategory, CurrentChannel, p));
}
