namespace OneStop.Catalogue.Search;

/// <summary>Receives the analysed units of a text, in order.</summary>
internal interface ITermSink
{
    /// <param name="normalized">The word lower-cased, stemmed and spelling-folded.</param>
    /// <param name="isStopWord">Whether the word, before stemming, is a stop word.</param>
    void Word(ReadOnlySpan<char> normalized, bool isStopWord);

    /// <param name="foldedRun">A run of CJK units (see <see cref="TextAnalyzer.UnitLength"/>) folded to Simplified.</param>
    void CjkRun(ReadOnlySpan<char> foldedRun);
}
