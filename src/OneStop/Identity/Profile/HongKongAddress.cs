using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Identity.Profile;

/// <summary>
/// An address in Hong Kong's own order, smallest part first. The region follows from the district,
/// so it is never asked for and never disagrees with it. Shared with recipients as JSON (see
/// docs/identity/profile.md).
/// </summary>
public sealed record HongKongAddress
{
    public string? Flat { get; init; }
    public string? Floor { get; init; }
    public string? Block { get; init; }
    public string? Building { get; init; }
    public string? Estate { get; init; }
    public string? Street { get; init; }

    /// <summary>One of <see cref="Districts.All"/>' codes, e.g. <c>wan-chai</c>.</summary>
    public required string District { get; init; }

    /// <summary><c>hong-kong-island</c>, <c>kowloon</c> or <c>new-territories</c>.</summary>
    public string Region => Districts.RegionOf(District);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The agreed exchange format: {"flat":…,"district":"wan-chai","region":"hong-kong-island"}.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The lines of the address as they would be written on an envelope, in the order given.</summary>
    public IEnumerable<string> Lines(Func<string, string> districtName, Func<string, string> regionName)
    {
        var flatFloorBlock = string.Join(", ", new[] { Flat, Floor, Block }.Where(s => !string.IsNullOrWhiteSpace(s)));
        foreach (var line in new[] { flatFloorBlock, Building, Estate, Street })
        {
            if (!string.IsNullOrWhiteSpace(line)) yield return line;
        }
        yield return districtName(District);
        yield return regionName(Region);
    }
}

/// <summary>The 18 districts of Hong Kong and the region each lies in. Names are in the strings files (profile.district.*).</summary>
public static class Districts
{
    public const string HongKongIsland = "hong-kong-island";
    public const string Kowloon = "kowloon";
    public const string NewTerritories = "new-territories";

    public static readonly IReadOnlyList<string> Regions = [HongKongIsland, Kowloon, NewTerritories];

    public static readonly IReadOnlyList<(string Code, string Region)> All =
    [
        ("central-and-western", HongKongIsland), ("wan-chai", HongKongIsland), ("eastern", HongKongIsland), ("southern", HongKongIsland),
        ("yau-tsim-mong", Kowloon), ("sham-shui-po", Kowloon), ("kowloon-city", Kowloon), ("wong-tai-sin", Kowloon), ("kwun-tong", Kowloon),
        ("kwai-tsing", NewTerritories), ("tsuen-wan", NewTerritories), ("tuen-mun", NewTerritories), ("yuen-long", NewTerritories),
        ("north", NewTerritories), ("tai-po", NewTerritories), ("sha-tin", NewTerritories), ("sai-kung", NewTerritories), ("islands", NewTerritories),
    ];

    public static bool IsDistrict(string? code) => All.Any(d => d.Code == code);

    public static string RegionOf(string district) => All.FirstOrDefault(d => d.Code == district).Region ?? "";
}
