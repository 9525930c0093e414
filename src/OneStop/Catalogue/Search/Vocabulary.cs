namespace OneStop.Catalogue.Search;

/// <summary>
/// Maps terms to dense ids. Chinese n-grams are by far the most numerous terms, so one- and
/// two-character grams are keyed by their code units (a table and an integer dictionary)
/// instead of by string: that saves a string per term and keeps lookups cheap. English
/// words, and grams with characters outside the BMP, use a string dictionary.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly Dictionary<uint, int> _bigrams = [];

    // Term id + 1 per BMP character, so that the default 0 means "absent".
    private readonly int[] _unigrams = new int[char.MaxValue + 1];
    private readonly List<string> _words = [];
    private readonly List<int> _wordIds = [];

    public Vocabulary()
    {
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; private set; }

    /// <summary>English words in the order they were added.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Term id of each entry of <see cref="Words"/>.</summary>
    public IReadOnlyList<int> WordIds => _wordIds;

    public int GetOrAdd(ReadOnlySpan<char> term, bool isCjk)
    {
        if (isCjk && term.Length == 1)
        {
            ref int slot = ref _unigrams[term[0]];
            if (slot == 0)
            {
                slot = ++Count;
            }

            return slot - 1;
        }

        if (isCjk && term.Length == 2 && !char.IsSurrogate(term[0]) && !char.IsSurrogate(term[1]))
        {
            uint key = ((uint)term[0] << 16) | term[1];
            if (!_bigrams.TryGetValue(key, out int id))
            {
                id = Count++;
                _bigrams.Add(key, id);
            }

            return id;
        }

        if (!_stringLookup.TryGetValue(term, out int termId))
        {
            termId = Count++;
            string text = term.ToString();
            _strings.Add(text, termId);
            if (!isCjk)
            {
                _words.Add(text);
                _wordIds.Add(termId);
            }
        }

        return termId;
    }

    public bool TryGet(ReadOnlySpan<char> term, bool isCjk, out int id)
    {
        if (isCjk && term.Length == 1)
        {
            id = _unigrams[term[0]] - 1;
            return id >= 0;
        }

        if (isCjk && term.Length == 2 && !char.IsSurrogate(term[0]) && !char.IsSurrogate(term[1]))
        {
            return _bigrams.TryGetValue(((uint)term[0] << 16) | term[1], out id);
        }

        return _stringLookup.TryGetValue(term, out id);
    }
}
