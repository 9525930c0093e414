namespace OneStop.Catalogue.Search;

/// <summary>One condition of a query: a normalised English word or a folded CJK n-gram.</summary>
internal readonly record struct QueryTerm(string Text, bool IsCjk, bool Fuzzy, bool Prefix);

/// <summary>A query reduced to the terms that must all match, plus the phrase for the name bonus.</summary>
internal sealed class ParsedQuery
{
    public ParsedQuery(List<QueryTerm> terms, string? phrase)
    {
        Terms = terms;
        Phrase = phrase;
    }

    public List<QueryTerm> Terms { get; }

    /// <summary>The query in <see cref="PhraseBuilder"/> form, or null when it has fewer than two units.</summary>
    public string? Phrase { get; }
}

/// <summary>
/// Applies the same analysis as the index to a query, then decides which words are
/// conditions: stop words drop out (unless nothing else is left), the last word may be
/// unfinished and so also matches as a prefix, and a Chinese run must match as bigrams.
/// </summary>
internal sealed class QueryParser : ITermSink
{
    private readonly List<Item> _items = [];

    private QueryParser()
    {
    }

    public static ParsedQuery Parse(string query)
    {
        var parser = new QueryParser();
        TextAnalyzer.Analyze(query, parser);
        return parser.Build();
    }

    void ITermSink.Word(ReadOnlySpan<char> normalized, bool isStopWord) =>
        _items.Add(new Item(normalized.ToString(), IsCjk: false, isStopWord));

    void ITermSink.CjkRun(ReadOnlySpan<char> foldedRun) =>
        _items.Add(new Item(foldedRun.ToString(), IsCjk: true, IsStopWord: false));

    private ParsedQuery Build()
    {
        bool onlyStopWords = true;
        foreach (var item in _items)
        {
            onlyStopWords &= item.IsStopWord;
        }

        var terms = new List<QueryTerm>(_items.Count * 2);
        var phrase = new PhraseBuilder();
        for (int i = 0; i < _items.Count; i++)
        {
            var item = _items[i];
            if (item.IsCjk)
            {
                AddCjk(item.Text, terms, phrase);
                continue;
            }

            if (item.IsStopWord && !onlyStopWords)
            {
                continue;
            }

            int length = item.Text.Length;
            bool fuzzy = length >= FuzzyMatcher.MinimumQueryLength && !TextAnalyzer.HasDigit(item.Text);
            bool prefix = i == _items.Count - 1 && length >= PrefixMatcher.MinimumPrefixLength;
            Add(terms, new QueryTerm(item.Text, IsCjk: false, fuzzy, prefix));
            if (!onlyStopWords)
            {
                phrase.AddWord(item.Text);
            }
        }

        return new ParsedQuery(terms, phrase.Units >= 2 ? phrase.Build() : null);
    }

    private static void AddCjk(string run, List<QueryTerm> terms, PhraseBuilder phrase)
    {
        // One character can only be looked up as a unigram; longer runs use bigrams, which
        // keep "護照" from matching a text that merely has 護 and 照 far apart.
        int first = TextAnalyzer.UnitLength(run, 0);
        if (first == run.Length)
        {
            Add(terms, new QueryTerm(run, IsCjk: true, Fuzzy: false, Prefix: false));
            phrase.AddCjkUnit(run);
            return;
        }

        int previous = -1;
        for (int i = 0; i < run.Length;)
        {
            int length = TextAnalyzer.UnitLength(run, i);
            if (previous >= 0)
            {
                Add(terms, new QueryTerm(run[previous..(i + length)], IsCjk: true, Fuzzy: false, Prefix: false));
            }

            phrase.AddCjkUnit(run.AsSpan(i, length));
            previous = i;
            i += length;
        }
    }

    private static void Add(List<QueryTerm> terms, QueryTerm term)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            if (terms[i].Text == term.Text && terms[i].IsCjk == term.IsCjk)
            {
                terms[i] = terms[i] with { Fuzzy = terms[i].Fuzzy || term.Fuzzy, Prefix = terms[i].Prefix || term.Prefix };
                return;
            }
        }

        terms.Add(term);
    }

    private readonly record struct Item(string Text, bool IsCjk, bool IsStopWord);
}
