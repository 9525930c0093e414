namespace OneStop.Catalogue.Search;

/// <summary>
/// Turns documents into <see cref="IndexData"/>. Term statistics are gathered in arrays
/// indexed by term id rather than per-document dictionaries, so indexing allocates a string
/// only for each new term and is linear in the size of the text.
/// </summary>
internal sealed class IndexBuilder : ITermSink
{
    private readonly Vocabulary _vocabulary = new();
    private readonly List<int> _textTerms = [];
    private readonly List<int> _documentTerms = [];
    private readonly PhraseBuilder _phrase = new();
    private int[] _textCounts = new int[4096];
    private int[] _documentStamps = new int[4096];
    private int[] _fieldFrequencies = new int[4096 * Scoring.FieldCount];
    private int[] _documentFrequencies = new int[4096];
    private RawPosting[] _postings = new RawPosting[1 << 16];
    private int _postingCount;
    private int _units;
    private bool _inName;

    private IndexBuilder()
    {
    }

    public static IndexData Build(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var docs = documents.ToArray();
        foreach (var doc in docs)
        {
            ArgumentNullException.ThrowIfNull(doc, nameof(documents));
        }

        Array.Sort(docs, static (a, b) => a.Id.CompareTo(b.Id));
        var ids = new int[docs.Length];
        for (int d = 0; d < docs.Length; d++)
        {
            ids[d] = docs[d].Id;
            if (d > 0 && ids[d] == ids[d - 1])
            {
                throw new ArgumentException($"Document id {ids[d]} appears more than once.", nameof(documents));
            }
        }

        var builder = new IndexBuilder();
        var lengths = new int[docs.Length * Scoring.FieldCount];
        var phrases = new string[docs.Length];
        for (int d = 0; d < docs.Length; d++)
        {
            phrases[d] = builder.AddDocument(d, docs[d], lengths);
        }

        return builder.Finish(ids, phrases, lengths);
    }

    void ITermSink.Word(ReadOnlySpan<char> normalized, bool isStopWord)
    {
        Count(normalized, isCjk: false);
        _units++;
        if (_inName && !isStopWord)
        {
            _phrase.AddWord(normalized);
        }
    }

    void ITermSink.CjkRun(ReadOnlySpan<char> foldedRun)
    {
        // Unigrams let a one-character query match; overlapping bigrams approximate words,
        // which Chinese text does not mark.
        int previous = -1;
        for (int i = 0; i < foldedRun.Length;)
        {
            int length = TextAnalyzer.UnitLength(foldedRun, i);
            Count(foldedRun.Slice(i, length), isCjk: true);
            if (previous >= 0)
            {
                Count(foldedRun[previous..(i + length)], isCjk: true);
            }

            if (_inName)
            {
                _phrase.AddCjkUnit(foldedRun.Slice(i, length));
            }

            _units++;
            previous = i;
            i += length;
        }
    }

    private string AddDocument(int doc, SearchDocument document, int[] lengths)
    {
        _documentTerms.Clear();
        AddField(doc, Scoring.Name, document.Name, lengths);
        AddField(doc, Scoring.Summary, document.Summary, lengths);
        AddField(doc, Scoring.Body, document.Body, lengths);
        foreach (int term in _documentTerms)
        {
            int f = term * Scoring.FieldCount;
            Append(new RawPosting(
                term,
                doc,
                Clamp(_fieldFrequencies[f + Scoring.Name]),
                Clamp(_fieldFrequencies[f + Scoring.Summary]),
                Clamp(_fieldFrequencies[f + Scoring.Body])));
            _documentFrequencies[term]++;
        }

        return _phrase.Build();
    }

    private void AddField(int doc, int field, IReadOnlyList<string> texts, int[] lengths)
    {
        if (texts is null)
        {
            return;
        }

        _units = 0;
        _inName = field == Scoring.Name;
        foreach (string text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            TextAnalyzer.Analyze(text, this);
            if (_inName)
            {
                _phrase.EndText();
            }

            foreach (int term in _textTerms)
            {
                if (_documentStamps[term] != doc + 1)
                {
                    _documentStamps[term] = doc + 1;
                    Array.Clear(_fieldFrequencies, term * Scoring.FieldCount, Scoring.FieldCount);
                    _documentTerms.Add(term);
                }

                // The language versions are translations of one text: a term's frequency is
                // its highest count in any one of them, not the sum, so wording shared by
                // zh-HK and zh-CN does not count twice.
                ref int frequency = ref _fieldFrequencies[(term * Scoring.FieldCount) + field];
                frequency = Math.Max(frequency, _textCounts[term]);
                _textCounts[term] = 0;
            }

            _textTerms.Clear();
        }

        lengths[(doc * Scoring.FieldCount) + field] = _units;
    }

    private void Count(ReadOnlySpan<char> term, bool isCjk)
    {
        int id = _vocabulary.GetOrAdd(term, isCjk);
        EnsureTermCapacity(id + 1);

        if (_textCounts[id]++ == 0)
        {
            _textTerms.Add(id);
        }
    }

    private IndexData Finish(int[] ids, string[] phrases, int[] lengths)
    {
        int docCount = ids.Length;
        var averages = new float[Scoring.FieldCount];
        for (int i = 0; i < lengths.Length; i++)
        {
            averages[i % Scoring.FieldCount] += lengths[i];
        }

        for (int f = 0; f < averages.Length; f++)
        {
            averages[f] = Math.Max(1f, averages[f] / Math.Max(1, docCount));
        }

        int termCount = _vocabulary.Count;
        var starts = new int[termCount + 1];
        var idf = new float[termCount];
        for (int t = 0; t < termCount; t++)
        {
            starts[t + 1] = starts[t] + _documentFrequencies[t];
            idf[t] = Scoring.Idf(_documentFrequencies[t], docCount);
        }

        // Postings were appended document by document, so this stable counting sort leaves
        // each term's postings in ascending document order.
        var cursor = starts[..termCount];
        var documents = new int[_postingCount];
        var weights = new float[_postingCount];
        var fields = new byte[_postingCount];
        for (int i = 0; i < _postingCount; i++)
        {
            ref readonly var p = ref _postings[i];
            int at = cursor[p.Term]++;
            int l = p.Document * Scoring.FieldCount;
            documents[at] = p.Document;
            weights[at] = idf[p.Term] * (
                Scoring.Field(Scoring.Name, p.Name, lengths[l + Scoring.Name] / averages[Scoring.Name])
                + Scoring.Field(Scoring.Summary, p.Summary, lengths[l + Scoring.Summary] / averages[Scoring.Summary])
                + Scoring.Field(Scoring.Body, p.Body, lengths[l + Scoring.Body] / averages[Scoring.Body]));
            fields[at] = (byte)((p.Name > 0 ? 1 : 0) | (p.Summary > 0 ? 2 : 0) | (p.Body > 0 ? 4 : 0));
        }

        return new IndexData(
            ids,
            phrases,
            _vocabulary,
            starts,
            documents,
            weights,
            fields,
            FuzzyMatcher.Build(_vocabulary.Words, _vocabulary.WordIds),
            PrefixMatcher.Build(_vocabulary.Words, _vocabulary.WordIds, _documentFrequencies));
    }

    private void Append(in RawPosting posting)
    {
        if (_postingCount == _postings.Length)
        {
            Array.Resize(ref _postings, _postings.Length * 2);
        }

        _postings[_postingCount++] = posting;
    }

    private void EnsureTermCapacity(int count)
    {
        if (count <= _textCounts.Length)
        {
            return;
        }

        int capacity = _textCounts.Length * 2;
        Array.Resize(ref _textCounts, capacity);
        Array.Resize(ref _documentStamps, capacity);
        Array.Resize(ref _documentFrequencies, capacity);
        Array.Resize(ref _fieldFrequencies, capacity * Scoring.FieldCount);
    }

    private static ushort Clamp(int frequency) => (ushort)Math.Min(frequency, ushort.MaxValue);

    private readonly record struct RawPosting(int Term, int Document, ushort Name, ushort Summary, ushort Body);
}
