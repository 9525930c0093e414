using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Forms;

/// <summary>A text in three languages: inputs named <c>{Name}En</c>, <c>{Name}ZhHk</c>, <c>{Name}ZhCn</c> under one legend.</summary>
public sealed record WordsInput(string Name, string Legend, string? En, string? ZhHk, string? ZhCn, FormPageModel Page)
{
    public static readonly string[] Suffixes = ["En", "ZhHk", "ZhCn"];
    public bool Multiline { get; init; }
    public string? Hint { get; init; }

    public string? Value(string suffix) => suffix switch { "En" => En, "ZhHk" => ZhHk, _ => ZhCn };
}
