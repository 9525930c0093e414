using OneStop.Catalogue.Search;

namespace OneStop.Tests.Catalogue.Search;

/// <summary>Shorthands for building small indexes in tests.</summary>
internal static class SearchTestData
{
    /// <summary>A document whose fields each have one text (any language).</summary>
    public static SearchDocument Doc(int id, string name, string summary = "", string body = "") =>
        new(id, [name], [summary], [body]);

    /// <summary>A document with en, zh-HK and zh-CN names and an optional trilingual summary and body.</summary>
    public static SearchDocument Trilingual(int id, string en, string zhHk, string zhCn, string[]? summary = null, string[]? body = null) =>
        new(id, [en, zhHk, zhCn], summary ?? ["", "", ""], body ?? ["", "", ""]);

    public static SearchIndex Index(params SearchDocument[] documents) => SearchIndex.Build(documents);

    public static int[] Ids(this IReadOnlyList<SearchHit> hits) => hits.Select(h => h.Id).ToArray();
}
