namespace OneStop.Catalogue.Search;

internal enum TokenKind
{
    Word,
    Cjk,
}

internal readonly record struct Token(int Start, int Length, TokenKind Kind);

/// <summary>
/// Splits text into words (letters and digits) and runs of CJK ideographs. Chinese has no
/// spaces, so a run is handed on whole and cut into character n-grams by the caller.
/// </summary>
internal ref struct TokenReader
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public TokenReader(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
    }

    public bool Next(out Token token)
    {
        var text = _text;
        int i = _position;
        while (i < text.Length)
        {
            int unit = TextAnalyzer.CjkUnitLength(text, i);
            if (unit > 0)
            {
                int start = i;
                while (unit > 0)
                {
                    i += unit;
                    unit = TextAnalyzer.CjkUnitLength(text, i);
                }

                _position = i;
                token = new Token(start, i - start, TokenKind.Cjk);
                return true;
            }

            if (TextAnalyzer.IsWordChar(text[i]))
            {
                int start = i++;
                while (i < text.Length)
                {
                    if (TextAnalyzer.IsWordChar(text[i]))
                    {
                        i++;
                    }
                    else if (TextAnalyzer.IsApostrophe(text[i]) && i + 1 < text.Length && TextAnalyzer.IsWordChar(text[i + 1]))
                    {
                        // "driver's" stays one word so that it stems like "drivers".
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                _position = i;
                token = new Token(start, i - start, TokenKind.Word);
                return true;
            }

            i++;
        }

        _position = i;
        token = default;
        return false;
    }
}
