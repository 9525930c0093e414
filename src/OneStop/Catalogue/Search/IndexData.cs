namespace OneStop.Catalogue.Search;

/// <summary>
/// The built index. Postings are stored column-wise in flat arrays (compressed sparse
/// rows), which keeps 10,000 documents' worth of postings in a few large arrays instead of
/// hundreds of thousands of small lists, and makes the query loop a linear scan.
/// Nothing here changes after construction, which is what makes concurrent reads safe.
/// </summary>
internal sealed class IndexData
{
    private readonly Vocabulary _vocabulary;

    public IndexData(
        int[] documentIds,
        string[] namePhrases,
        Vocabulary vocabulary,
        int[] postingStarts,
        int[] postingDocuments,
        float[] postingWeights,
        byte[] postingFields,
        FuzzyMatcher fuzzy,
        PrefixMatcher prefix)
    {
        DocumentIds = documentIds;
        NamePhrases = namePhrases;
        _vocabulary = vocabulary;
        PostingStarts = postingStarts;
        PostingDocuments = postingDocuments;
        PostingWeights = postingWeights;
        PostingFields = postingFields;
        Fuzzy = fuzzy;
        Prefix = prefix;
        _words = new Dictionary<int, string>(vocabulary.Words.Count);
        for (int i = 0; i < vocabulary.Words.Count; i++)
        {
            _words[vocabulary.WordIds[i]] = vocabulary.Words[i];
        }
    }

    private readonly Dictionary<int, string> _words;

    /// <summary>The English word a term id stands for, or null for a Chinese n-gram.</summary>
    public string? Word(int termId) => _words.GetValueOrDefault(termId);

    /// <summary>Public ids by internal document number; ascending, so number order breaks ties by id.</summary>
    public int[] DocumentIds { get; }

    /// <summary>Each document's name, normalised like a query phrase (see <see cref="PhraseBuilder"/>).</summary>
    public string[] NamePhrases { get; }

    public int TermCount => _vocabulary.Count;

    /// <summary>Postings of term t are at [PostingStarts[t], PostingStarts[t + 1]).</summary>
    public int[] PostingStarts { get; }

    public int[] PostingDocuments { get; }

    /// <summary>idf times the field-weighted term frequency, ready to add up.</summary>
    public float[] PostingWeights { get; }

    /// <summary>Bit set of the fields (see <see cref="Scoring"/>) the term occurs in.</summary>
    public byte[] PostingFields { get; }

    public FuzzyMatcher Fuzzy { get; }

    public PrefixMatcher Prefix { get; }

    public bool TryGetTerm(ReadOnlySpan<char> text, bool isCjk, out int termId) => _vocabulary.TryGet(text, isCjk, out termId);

    public int PostingCount(int termId) => PostingStarts[termId + 1] - PostingStarts[termId];
}
