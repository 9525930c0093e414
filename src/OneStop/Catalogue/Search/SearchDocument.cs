namespace OneStop.Catalogue.Search;

/// <summary>
/// A service as the search index sees it. Each list holds one field's plain text in every
/// language the service is published in (en, zh-HK, zh-CN). The index treats the versions
/// as translations of one another, so the order of the list does not matter.
/// </summary>
/// <param name="Id">The service's id, unique within one index.</param>
/// <param name="Name">The service name in each language.</param>
/// <param name="Summary">The one-line summary in each language.</param>
/// <param name="Body">The body in each language, as plain text (Markdown stripped).</param>
public sealed record SearchDocument(
    int Id,
    IReadOnlyList<string> Name,
    IReadOnlyList<string> Summary,
    IReadOnlyList<string> Body);

/// <summary>A matching document and its relevance; higher scores are better.</summary>
/// <param name="Id">The <see cref="SearchDocument.Id"/> of the match.</param>
/// <param name="Score">Relevance; only comparable between hits of the same query.</param>
/// <remarks>A struct: a broad query yields thousands of hits, and they should not each cost an allocation.</remarks>
public readonly record struct SearchHit(int Id, double Score);
