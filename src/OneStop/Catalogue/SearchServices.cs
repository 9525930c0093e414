namespace OneStop.Catalogue;

/// <summary>What a person or client asks of the catalogue: words, filters and a page.</summary>
public sealed record ServiceQuery(string? Text, DepartmentEntry? Department, CategoryEntry? Category, Channels? Channel, int Page, int PageSize)
{
    public const int MaxTextLength = 200;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
}

public sealed record FacetCount<T>(T Value, int Count);

public sealed record ServiceResults(
    int Total,
    IReadOnlyList<ServiceEntry> Items,
    IReadOnlyList<FacetCount<DepartmentEntry>> Departments,
    IReadOnlyList<FacetCount<CategoryEntry>> Categories,
    IReadOnlyList<FacetCount<Channels>> Channels)
{
    public int PageCount(int pageSize) => Math.Max(1, (Total + pageSize - 1) / pageSize);
}

/// <summary>
/// The one place where the catalogue is searched and filtered, for the search page, the browse pages
/// and the API alike. Facet counts are disjunctive: each facet counts the results of every other
/// filter, so choosing a department still shows how many results the other departments have.
/// </summary>
public static class SearchServices
{
    public static ServiceResults Run(CatalogueSnapshot snapshot, ServiceQuery query)
    {
        IEnumerable<ServiceEntry> candidates = string.IsNullOrWhiteSpace(query.Text)
            ? snapshot.ByUse
            : snapshot.Index.Search(query.Text)
                .Select(h => snapshot.ServicesById.GetValueOrDefault(h.Id))
                .OfType<ServiceEntry>();

        var departmentCounts = new Dictionary<int, int>();
        var categoryCounts = new Dictionary<int, int>();
        var channelCounts = new Dictionary<Channels, int>();
        var matches = new List<ServiceEntry>();

        foreach (var service in candidates)
        {
            var inDepartment = query.Department is null || service.Department.Id == query.Department.Id;
            var inCategory = query.Category is null || service.CategoryIds.Contains(query.Category.Id);
            var inChannel = query.Channel is null || service.Channels.HasFlag(query.Channel.Value);

            if (inCategory && inChannel) Increment(departmentCounts, service.Department.Id);
            if (inDepartment && inChannel)
                foreach (var categoryId in service.CategoryIds) Increment(categoryCounts, categoryId);
            if (inDepartment && inCategory)
                foreach (var channel in service.Channels.Split()) Increment(channelCounts, channel);
            if (inDepartment && inCategory && inChannel) matches.Add(service);
        }

        var items = matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new ServiceResults(
            matches.Count,
            items,
            snapshot.Departments.Where(d => departmentCounts.ContainsKey(d.Id))
                .Select(d => new FacetCount<DepartmentEntry>(d, departmentCounts[d.Id]))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value.Code).ToList(),
            snapshot.Categories.Where(c => categoryCounts.ContainsKey(c.Id))
                .Select(c => new FacetCount<CategoryEntry>(c, categoryCounts[c.Id]))
                .OrderBy(f => f.Value.Facet).ThenByDescending(f => f.Count).ThenBy(f => f.Value.Slug).ToList(),
            ChannelNames.All.Where(c => channelCounts.ContainsKey(c.Channel))
                .Select(c => new FacetCount<Channels>(c.Channel, channelCounts[c.Channel])).ToList());
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
