using OneStop.Platform.Localisation;

namespace OneStop.Catalogue.Import;

/// <summary>Between the file's service rows and the entity, both ways.</summary>
internal static class ServiceMapping
{
    public static Service NewService(string slug) => new()
    {
        Slug = slug,
        Name = LocalisedText.Empty, Summary = LocalisedText.Empty, Body = LocalisedText.Empty,
        BodyHtml = LocalisedText.Empty, Eligibility = LocalisedText.Empty, Fees = LocalisedText.Empty,
    };

    public static void Apply(ServiceDto row, Service service, Department department, IEnumerable<Category> categories, DateTime now)
    {
        service.Department = department;
        service.Status = ChannelNames.ParseStatus(row.Status)!.Value;
        service.Channels = row.Channels!.Aggregate(Channels.None, (all, name) => all | ChannelNames.Parse(name)!.Value);
        service.Name = row.Name!.ToText();
        service.Summary = row.Summary!.ToText();
        service.Body = row.Body?.ToText() ?? LocalisedText.Empty;
        service.BodyHtml = service.Body.Map(ContentMarkdown.ToHtml);
        service.Eligibility = row.Eligibility?.ToText() ?? LocalisedText.Empty;
        service.Fees = row.Fees?.ToText() ?? LocalisedText.Empty;
        service.PledgedWorkingDays = row.PledgedWorkingDays;
        service.ExternalUrl = row.ExternalUrl;
        service.Usage = row.Usage ?? 0;
        service.UpdatedAt = now;
        service.Categories.Clear();
        service.Categories.AddRange(categories.DistinctBy(c => c.Slug));
    }

    public static ServiceDto ToDto(Service s) => new()
    {
        Slug = s.Slug,
        Department = s.Department.Code,
        Status = s.Status.StatusName(),
        Categories = s.Categories.Select(c => c.Slug).Order(StringComparer.Ordinal).ToList(),
        Channels = s.Channels.Names().ToList(),
        Name = TextDto.From(s.Name),
        Summary = TextDto.From(s.Summary),
        Body = TextDto.From(s.Body),
        Eligibility = TextDto.From(s.Eligibility),
        Fees = TextDto.From(s.Fees),
        PledgedWorkingDays = s.PledgedWorkingDays,
        ExternalUrl = s.ExternalUrl,
        Usage = s.Usage,
    };
}
