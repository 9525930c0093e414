namespace OneStop.Catalogue;

/// <summary>Turns raw query-string values into a <see cref="ServiceQuery"/>, naming each bad one.</summary>
public static class ServiceQueryParser
{
    public static (ServiceQuery Query, Dictionary<string, string[]> Errors) Parse(CatalogueSnapshot snapshot,
        string? q, string? department, IEnumerable<string?>? categories, string? channel, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > ServiceQuery.MaxTextLength })
            errors["q"] = [$"Search text must be {ServiceQuery.MaxTextLength} characters or fewer."];

        DepartmentEntry? dept = null;
        if (!string.IsNullOrWhiteSpace(department) && !snapshot.DepartmentsByCode.TryGetValue(department.Trim(), out dept))
            errors["department"] = [$"There is no department with code '{department}'."];

        var cats = new List<CategoryEntry>();
        foreach (var category in (categories ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct())
        {
            if (snapshot.CategoriesBySlug.TryGetValue(category!.Trim(), out var cat)) cats.Add(cat);
            else errors["category"] = [$"There is no category '{category}'."];
        }

        Channels? chan = null;
        if (!string.IsNullOrWhiteSpace(channel) && (chan = ChannelNames.Parse(channel)) is null)
            errors["channel"] = [$"Channel must be one of: {string.Join(", ", ChannelNames.All.Select(c => c.Name))}."];

        var pageNumber = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, out pageNumber) || pageNumber < 1 || pageNumber > 100_000))
            errors["page"] = ["Page must be a whole number from 1 to 100000."];

        var size = ServiceQuery.DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, out size) || size < 1 || size > ServiceQuery.MaxPageSize))
            errors["pageSize"] = [$"Page size must be a whole number from 1 to {ServiceQuery.MaxPageSize}."];

        // Control characters (a pasted NUL, say) mean nothing to search and only garble titles.
        var text = q is null ? null : new string(q.Where(c => !char.IsControl(c)).ToArray()).Trim();
        var query = new ServiceQuery(text, dept, cats, chan,
            errors.ContainsKey("page") ? 1 : pageNumber,
            errors.ContainsKey("pageSize") ? ServiceQuery.DefaultPageSize : size);
        return (query, errors);
    }
}
