using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Web;

namespace OneStop.Catalogue.Pages;

/// <summary>
/// Search results with facets. Filters are plain links, so the page works without JavaScript. One
/// category can be chosen in each facet group (a topic, a life event, an audience); choosing another
/// in the same group replaces it.
/// </summary>
public sealed class SearchModel(CatalogueCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string[]? Category { get; set; }
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

    public string? CurrentDepartment => Query.Department?.Code;
    public IReadOnlyList<CategoryEntry> CurrentCategories => Query.Categories;
    public string? CurrentChannel => Query.Channel?.Name();

    public string Link(string? department, IEnumerable<CategoryEntry> categories, string? channel, int page = 1)
    {
        var query = new List<(string, string?)> { ("q", Query.Text), ("department", department) };
        query.AddRange(categories.Select(c => ("category", (string?)c.Slug)));
        query.Add(("channel", channel));
        query.Add(("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));
        return PageLinks.With(Url.Content("~/search"), [.. query]);
    }

    /// <summary>The link a category facet offers: choose it (replacing its group's choice) or, when chosen, remove it.</summary>
    public string CategoryLink(CategoryEntry category) =>
        Link(CurrentDepartment, CurrentCategories.Contains(category)
            ? CurrentCategories.Where(c => c != category)
            : CurrentCategories.Where(c => c.Facet != category.Facet).Append(category), CurrentChannel);

    /// <summary>Each chosen filter, in words, with the link that removes it alone.</summary>
    public IReadOnlyList<(string Name, string RemoveLink)> SelectedFilters(Func<string, string> text)
    {
        var filters = new List<(string, string)>();
        if (Query.Department is { } d) filters.Add((d.Name.Current, Link(null, CurrentCategories, CurrentChannel)));
        foreach (var c in CurrentCategories) filters.Add((c.Name.Current, CategoryLink(c)));
        if (Query.Channel is { } ch) filters.Add((text("channel." + ch.Name()), Link(CurrentDepartment, CurrentCategories, null)));
        return filters;
    }

    public Pager Pager => new(Query.Page, Results.PageCount(Query.PageSize),
        p => Link(CurrentDepartment, CurrentCategories, CurrentChannel, p));
}
