using OneStop.Catalogue.Search;

namespace OneStop.Catalogue;

/// <summary>
/// What a person or client asks of the catalogue: words, filters and a page. A service must be in
/// every one of <paramref name="Categories"/> (say a topic and an audience).
/// </summary>
public sealed record ServiceQuery(string? Text, DepartmentEntry? Department, IReadOnlyList<CategoryEntry> Categories, Channels? Channel, int Page, int PageSize)
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
    IReadOnlyList<FacetCount<Channels>> Channels,
    string? Correction = null)
{
    public int PageCount(int pageSize) => Math.Max(1, (Total + pageSize - 1) / pageSize);
}

/// <summary>
/// The one place where the catalogue is searched and filtered, for the search page, the browse pages
/// and the API alike. Facet counts are disjunctive: each facet counts the results of every other
/// filter, so choosing a department still shows how many results the other departments have; each
/// category facet (topic, life event, audience) likewise ignores its own choice but not the others'.
/// It runs on every search, so it counts into arrays indexed by ordinals and ranks only as many
/// matches as the requested page needs.
/// </summary>
public static class SearchServices
{
    private static readonly Channels[] ChannelFlags = [.. ChannelNames.All.Select(c => c.Channel)];

    public static ServiceResults Run(CatalogueSnapshot snapshot, ServiceQuery query)
    {
        var unfiltered = string.IsNullOrWhiteSpace(query.Text) && query.Department is null && query.Categories.Count == 0 && query.Channel is null;
        if (unfiltered)
        {
            // The plain listing is the same for everyone until the catalogue changes: count it once per snapshot.
            var all = snapshot.UnfilteredListing ??= Count(snapshot, query with { Page = 1, PageSize = 0 });
            return all with { Items = snapshot.ByUse.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList() };
        }
        if (string.IsNullOrWhiteSpace(query.Text)) return Count(snapshot, query);

        var text = SearchSynonyms.Expand(query.Text);
        var results = Count(snapshot, query with { Text = text });
        return results.Total == 0 ? results : results with
        {
            Correction = snapshot.Index.Correction(text) ?? (text == query.Text ? null : text),
        };
    }

    private static ServiceResults Count(CatalogueSnapshot snapshot, ServiceQuery query)
    {
        var departmentCounts = new int[snapshot.Departments.Count];
        var categoryCounts = new int[snapshot.Categories.Count];
        var channelCounts = new int[ChannelNames.All.Count];
        // Pooled: a broad query matches thousands, and a fresh array that size each time lands on the large object heap.
        var matches = System.Buffers.ArrayPool<SearchHit>.Shared.Rent(snapshot.Services.Length);
        var matched = 0;
        // Per facet group (index = CategoryFacet - 1): the chosen categories' ordinals.
        var chosen = new int[3][];
        for (var g = 0; g < 3; g++)
            chosen[g] = [.. query.Categories.Where(c => (int)c.Facet - 1 == g).Select(c => c.Ordinal)];

        var filtered = query.Department is not null || query.Categories.Count > 0 || query.Channel is not null;

        void Consider(ServiceEntry service, double score)
        {
            if (!filtered)
            {
                // The common case, words alone: everything counts everywhere.
                departmentCounts[service.Department.Ordinal]++;
                foreach (var c in service.CategoryOrdinals) categoryCounts[c]++;
                for (var c = 0; c < channelCounts.Length; c++)
                    if ((service.Channels & ChannelFlags[c]) != 0) channelCounts[c]++;
                matches[matched++] = new SearchHit(service.Ordinal, score);
                return;
            }
            var inDepartment = query.Department is null || service.Department.Ordinal == query.Department.Ordinal;
            var inChannel = query.Channel is null || (service.Channels & query.Channel.Value) != 0;
            Span<bool> inGroup = stackalloc bool[3];
            for (var g = 0; g < 3; g++)
            {
                inGroup[g] = true;
                foreach (var c in chosen[g]) inGroup[g] &= Array.IndexOf(service.CategoryOrdinals, c) >= 0;
            }
            var inCategory = inGroup[0] && inGroup[1] && inGroup[2];

            if (inCategory && inChannel) departmentCounts[service.Department.Ordinal]++;
            if (inDepartment && inChannel)
                foreach (var c in service.CategoryOrdinals)
                {
                    var g = (int)snapshot.Categories[c].Facet - 1;
                    if ((g == 0 || inGroup[0]) && (g == 1 || inGroup[1]) && (g == 2 || inGroup[2])) categoryCounts[c]++;
                }
            if (inDepartment && inCategory)
                for (var c = 0; c < channelCounts.Length; c++)
                    if ((service.Channels & ChannelFlags[c]) != 0) channelCounts[c]++;
            if (inDepartment && inCategory && inChannel) matches[matched++] = new SearchHit(service.Ordinal, score);
        }

        var skip = (query.Page - 1) * query.PageSize;
        List<ServiceEntry> items;
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            // Already in listing order: no ranking needed.
            foreach (var service in snapshot.ByUse) Consider(service, 0);
            items = matches.Take(matched).Skip(skip).Take(query.PageSize).Select(h => snapshot.Services[h.Id]).ToList();
        }
        else
        {
            using (var hits = snapshot.Index.SearchUnordered(query.Text))
                foreach (var hit in hits.Span) Consider(snapshot.Services[hit.Id], hit.Score);
            // Past the last match there is nothing to rank; never size the heap beyond the matches.
            items = skip >= matched ? [] : TopRanked(matches.AsSpan(0, matched), Math.Min(skip + query.PageSize, matched))
                .Skip(skip).Select(h => snapshot.Services[h.Id]).ToList();
        }

        System.Buffers.ArrayPool<SearchHit>.Shared.Return(matches);
        return new ServiceResults(
            matched,
            items,
            snapshot.Departments.Where(d => departmentCounts[d.Ordinal] > 0)
                .Select(d => new FacetCount<DepartmentEntry>(d, departmentCounts[d.Ordinal]))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value.Code).ToList(),
            snapshot.Categories.Where(c => categoryCounts[c.Ordinal] > 0)
                .Select(c => new FacetCount<CategoryEntry>(c, categoryCounts[c.Ordinal]))
                .OrderBy(f => f.Value.Facet).ThenByDescending(f => f.Count).ThenBy(f => f.Value.Slug).ToList(),
            ChannelNames.All.Select((c, i) => new FacetCount<Channels>(c.Channel, channelCounts[i])).Where(f => f.Count > 0).ToList());
    }

    /// <summary>The best <paramref name="count"/> hits, best first (ties by ordinal), keeping only a small heap.</summary>
    private static List<SearchHit> TopRanked(ReadOnlySpan<SearchHit> hits, int count)
    {
        var heap = new PriorityQueue<SearchHit, SearchHit>(count + 1, WorstFirst.Instance);
        foreach (var hit in hits)
        {
            if (heap.Count < count) heap.Enqueue(hit, hit);
            else if (count > 0 && WorstFirst.Instance.Compare(hit, heap.Peek()) > 0) heap.DequeueEnqueue(hit, hit);
        }
        var best = new List<SearchHit>(heap.Count);
        while (heap.Count > 0) best.Add(heap.Dequeue());
        best.Reverse();
        return best;
    }

    /// <summary>Orders hits worst first: lower score, then higher ordinal.</summary>
    private sealed class WorstFirst : IComparer<SearchHit>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(SearchHit x, SearchHit y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Id.CompareTo(x.Id);
        }
    }
}
