namespace OneStop.Catalogue;

/// <summary>The public names of channels and facets, as used in files, URLs and the API.</summary>
public static class ChannelNames
{
    public static readonly IReadOnlyList<(Channels Channel, string Name)> All =
    [
        (Channels.OnlineSubmission, "online-submission"),
        (Channels.EPayment, "e-payment"),
        (Channels.EDelivery, "e-delivery"),
        (Channels.SignIn, "sign-in"),
        (Channels.Counter, "counter"),
    ];

    public static string Name(this Channels channel) => All.First(c => c.Channel == channel).Name;

    public static Channels? Parse(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Name: not null } hit
            ? hit.Channel : null;

    public static IEnumerable<Channels> Split(this Channels channels) =>
        All.Select(c => c.Channel).Where(c => channels.HasFlag(c));

    public static IReadOnlyList<string> Names(this Channels channels) => channels.Split().Select(Name).ToList();

    /// <summary>Can be done online at all: submission, payment or delivery. Sign-in alone is not a transaction.</summary>
    public static bool IsOnline(this Channels channels) =>
        (channels & (Channels.OnlineSubmission | Channels.EPayment | Channels.EDelivery)) != 0;

    public static string FacetName(this CategoryFacet facet) => facet switch
    {
        CategoryFacet.Topic => "topic",
        CategoryFacet.LifeEvent => "life-event",
        _ => "audience",
    };

    public static CategoryFacet? ParseFacet(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "topic" => CategoryFacet.Topic,
        "life-event" => CategoryFacet.LifeEvent,
        "audience" => CategoryFacet.Audience,
        _ => null,
    };

    public static string StatusName(this ServiceStatus status) => status.ToString().ToLowerInvariant();

    public static ServiceStatus? ParseStatus(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "live" => ServiceStatus.Live,
        "planned" => ServiceStatus.Planned,
        "retired" => ServiceStatus.Retired,
        _ => null,
    };
}
