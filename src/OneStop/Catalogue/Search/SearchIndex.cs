namespace OneStop.Catalogue.Search;

/// <summary>
/// An in-memory full-text index over services in English, Traditional Chinese and
/// Simplified Chinese at once: a query in any of them finds the document. Build once, then
/// search from any number of threads; the index never changes after <see cref="Build"/>.
/// </summary>
/// <remarks>
/// Query rules: every English word (stop words aside) and every Chinese bigram must match
/// somewhere in the document. An English word the index does not know (4+ letters) matches the
/// words one typo away, and the last word also matches as a prefix (3+ letters); both score below
/// an exact match.
/// British and American spellings of common words, plurals, and Traditional and Simplified
/// characters are folded together. Name matches outrank summary matches, which outrank body
/// matches, and a name containing the whole query phrase earns a bonus.
/// </remarks>
public sealed class SearchIndex
{
    private readonly IndexData _data;

    private SearchIndex(IndexData data)
    {
        _data = data;
    }

    /// <summary>An index with no documents.</summary>
    public static SearchIndex Empty { get; } = Build([]);

    /// <summary>Number of documents indexed.</summary>
    public int DocumentCount => _data.DocumentIds.Length;

    /// <summary>Number of distinct terms (English words and Chinese n-grams) indexed.</summary>
    public int TermCount => _data.TermCount;

    /// <summary>Indexes <paramref name="documents"/>; ids must be unique.</summary>
    /// <exception cref="ArgumentException">Two documents share an id.</exception>
    public static SearchIndex Build(IEnumerable<SearchDocument> documents) => new(IndexBuilder.Build(documents));

    /// <summary>All matching documents, best first (ties by ascending id). Empty for a blank query.</summary>
    public IReadOnlyList<SearchHit> Search(string query) => Search(query, int.MaxValue);

    /// <summary>The best <paramref name="maxResults"/> matching documents, best first.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int maxResults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxResults);
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        return QueryExecutor.Execute(_data, QueryParser.Parse(query), maxResults);
    }

    /// <summary>
    /// Every matching document with its final score, in no particular order. For callers that filter
    /// and count facets over all matches and then rank only the page they show.
    /// </summary>
    /// <remarks>The hits live in a pooled buffer (a broad query has thousands): dispose the result.</remarks>
    public PooledHits SearchUnordered(string query) =>
        string.IsNullOrWhiteSpace(query) ? PooledHits.Empty : QueryExecutor.ExecuteUnordered(_data, QueryParser.Parse(query));

    /// <summary>
    /// The query with each unknown English word replaced by the word the search took it for, or null
    /// when nothing was corrected (see <see cref="SpellingSuggestion"/>).
    /// </summary>
    public string? Correction(string query) =>
        string.IsNullOrWhiteSpace(query) ? null : SpellingSuggestion.For(_data, query);
}
