namespace OneStop.Catalogue.Search;
public sealed record SearchDocument(int Id, IReadOnlyList<string> Name, IReadOnlyList<string> Summary, IReadOnlyList<string> Body);
public sealed record SearchHit(int Id, double Score);
public sealed class SearchIndex
{
    private readonly List<SearchDocument> _docs;
    private SearchIndex(List<SearchDocument> d) => _docs = d;
    public static SearchIndex Build(IEnumerable<SearchDocument> documents) => new(documents.ToList());
    public IReadOnlyList<SearchHit> Search(string query) => string.IsNullOrWhiteSpace(query) ? [] :
        _docs.Where(d => d.Name.Concat(d.Summary).Concat(d.Body).Any(t => t.Contains(query, StringComparison.OrdinalIgnoreCase))).Select(d => new SearchHit(d.Id, 1)).ToList();
}
