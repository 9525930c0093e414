using System.Globalization;
using System.Text;

namespace OneStop.Platform.Pdf;

/// <summary>
/// Splits text into lines that fit a width. Latin text breaks at spaces; Chinese (and Japanese, Korean)
/// text may break between any two characters, except that closing punctuation never starts a line and
/// opening punctuation never ends one. A word wider than the line (a long address, a reference) is cut
/// between characters rather than overflow the page.
/// </summary>
internal static class LineBreaker
{
    private const string NoLineStart = "，。、；：！？）」』》〉】〕｝］…‥·・ー～％,.;:!?)]}%";
    private const string NoLineEnd = "（「『《〈【〔｛［([{";

    /// <summary>The lines of <paramref name="text"/>; its own line breaks are kept, and an empty line stays empty.</summary>
    public static List<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
            WrapParagraph(paragraph.TrimEnd(), width, measure, lines);
        return lines;
    }

    private static void WrapParagraph(string paragraph, double width, Func<string, double> measure, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0.0;

        void Flush()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            lineWidth = 0;
        }

        foreach (var token in Tokens(paragraph))
        {
            var tokenWidth = measure(token);
            // Spaces may hang past the edge: they are trimmed from the end of the line.
            if (lineWidth + tokenWidth <= width || string.IsNullOrWhiteSpace(token))
            {
                line.Append(token);
                lineWidth += tokenWidth;
                continue;
            }
            if (line.ToString().Trim().Length > 0) Flush();
            else if (line.Length > 0) { line.Clear(); lineWidth = 0; }
            if (tokenWidth <= width)
            {
                line.Append(token);
                lineWidth = tokenWidth;
                continue;
            }
            foreach (var element in TextElements(token))
            {
                var elementWidth = measure(element);
                if (lineWidth + elementWidth > width && line.Length > 0) Flush();
                line.Append(element);
                lineWidth += elementWidth;
            }
        }
        if (line.Length > 0 || paragraph.Length == 0) Flush();
    }

    /// <summary>The unbreakable pieces of a paragraph: words, runs of spaces, single CJK characters with their punctuation.</summary>
    internal static List<string> Tokens(string paragraph)
    {
        var tokens = new List<StringBuilder>();
        var kinds = new List<Kind>();
        var glueNext = false;
        foreach (var element in TextElements(paragraph))
        {
            var kind = KindOf(element);
            var last = tokens.Count - 1;
            var attach = last >= 0 && kinds[last] != Kind.Space && kind != Kind.Space
                && (glueNext || NoLineStart.Contains(element[0]) || (kind == Kind.Word && kinds[last] == Kind.Word));
            var extendSpace = last >= 0 && kind == Kind.Space && kinds[last] == Kind.Space;
            if (attach || extendSpace)
            {
                tokens[last].Append(element);
                kinds[last] = kind; // what may follow without a break depends on the last character
            }
            else
            {
                tokens.Add(new StringBuilder(element));
                kinds.Add(kind);
            }
            glueNext = kind != Kind.Space && NoLineEnd.Contains(element[0]);
        }
        return tokens.ConvertAll(t => t.ToString());
    }

    private enum Kind { Space, Word, Cjk }

    private static Kind KindOf(string element)
    {
        if (char.IsWhiteSpace(element[0])) return Kind.Space;
        var c = Rune.GetRuneAt(element, 0).Value;
        return c is (>= 0x1100 and <= 0x11FF) or (>= 0x2E80 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7AF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFFEF)
            or (>= 0x20000 and <= 0x3FFFF)
            ? Kind.Cjk
            : Kind.Word;
    }

    private static IEnumerable<string> TextElements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) yield return elements.GetTextElement();
    }
}
