using System.Text.Json.Serialization;
using OneStop.Platform.Localisation;

namespace OneStop.Catalogue.Import;

// The file format of docs/catalogue-format.md. These records are the contract with departments' files,
// kept apart from the entities so that the database can change without breaking anyone's file.

public sealed record TextDto(
    [property: JsonPropertyName("en")] string? En,
    [property: JsonPropertyName("zh-HK")] string? ZhHk,
    [property: JsonPropertyName("zh-CN")] string? ZhCn)
{
    public LocalisedText ToText() => new((En ?? "").Trim(), (ZhHk ?? "").Trim(), (ZhCn ?? "").Trim());
    public static TextDto? From(LocalisedText text) => text.IsEmpty ? null : new(text.En, text.ZhHk, text.ZhCn);
}

public sealed record DepartmentDto
{
    public string? Code { get; init; }
    public TextDto? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
}

public sealed record CategoryDto
{
    public string? Slug { get; init; }
    public string? Facet { get; init; }
    public TextDto? Name { get; init; }
    public TextDto? Description { get; init; }
}

public sealed record ServiceDto
{
    public string? Slug { get; init; }
    public string? Department { get; init; }
    public string? Status { get; init; }
    public List<string>? Categories { get; init; }
    public List<string>? Channels { get; init; }
    public TextDto? Name { get; init; }
    public TextDto? Summary { get; init; }
    public TextDto? Body { get; init; }
    public TextDto? Eligibility { get; init; }
    public TextDto? Fees { get; init; }
    public int? PledgedWorkingDays { get; init; }
    public string? ExternalUrl { get; init; }
    public long? Usage { get; init; }
}

public sealed record CatalogueFileDto
{
    public List<DepartmentDto>? Departments { get; init; }
    public List<CategoryDto>? Categories { get; init; }
    public List<ServiceDto>? Services { get; init; }
}

/// <summary>A row of a catalogue file and where it stands, so that errors can name the line.</summary>
public sealed record Located<T>(T Row, int Line, string Where);

/// <summary>What a file holds once read, before it is checked.</summary>
public sealed record CatalogueRows(
    IReadOnlyList<Located<DepartmentDto>> Departments,
    IReadOnlyList<Located<CategoryDto>> Categories,
    IReadOnlyList<Located<ServiceDto>> Services);

public sealed record ImportError(int Line, string Where, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line} ({Where}): {Message}" : $"{Where}: {Message}";
}
