using System.Text;

namespace OneStop.Catalogue.Search;

/// <summary>
/// Renders text as a space-separated sequence of normalised units (stemmed English words
/// without stop words, single Chinese characters folded to Simplified), padded with spaces.
/// With both the name and the query in this form, "the name contains the query phrase" is
/// a plain substring test that cannot match half a word.
/// </summary>
internal sealed class PhraseBuilder
{
    private readonly StringBuilder _text = new();
    private int _units;

    public int Units => _units;

    public void AddWord(ReadOnlySpan<char> normalizedWord)
    {
        Start();
        _text.Append(normalizedWord).Append(' ');
        _units++;
    }

    public void AddCjkUnit(ReadOnlySpan<char> foldedUnit)
    {
        Start();
        _text.Append(foldedUnit).Append(' ');
        _units++;
    }

    /// <summary>Separates language versions so that a phrase cannot span two of them.</summary>
    public void EndText()
    {
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }
    }

    public string Build()
    {
        string result = _text.ToString();
        _text.Clear();
        _units = 0;
        return result;
    }

    private void Start()
    {
        if (_text.Length == 0 || _text[^1] == '\n')
        {
            _text.Append(' ');
        }
    }
}
