using OneStop.Platform.Localisation;

namespace OneStop.Catalogue;

/// <summary>Column sizes, shared by the EF configuration and the importer's checks (PostgreSQL enforces them).</summary>
public static class CatalogueLimits
{
    public const int Name = 200;
    public const int Summary = 1000;
    public const int Description = 1000;
    public const int Eligibility = 2000;
    public const int Fees = 2000;
    public const int Email = 200;
    public const int Phone = 50;
    public const int Website = 300;
    public const int ExternalUrl = 500;
}

/// <summary>A bureau or department (B/D) that owns services.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required LocalisedText Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public List<Service> Services { get; } = [];
}

public enum CategoryFacet { Topic = 1, LifeEvent = 2, Audience = 3 }

public sealed class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public CategoryFacet Facet { get; set; }
    public required LocalisedText Name { get; set; }
    public required LocalisedText Description { get; set; }
    public List<Service> Services { get; } = [];
}

/// <summary>The ways a service can be used. "Counter only" is <see cref="Counter"/> with none of the digital ones.</summary>
[Flags]
public enum Channels
{
    None = 0,
    OnlineSubmission = 1,
    EPayment = 2,
    EDelivery = 4,
    SignIn = 8,
    Counter = 16,
}

public enum ServiceStatus { Live = 1, Planned = 2, Retired = 3 }

public sealed class Service
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    public ServiceStatus Status { get; set; }
    public Channels Channels { get; set; }
    public required LocalisedText Name { get; set; }
    public required LocalisedText Summary { get; set; }
    /// <summary>Markdown as written by the department; kept for export and editing.</summary>
    public required LocalisedText Body { get; set; }
    /// <summary>Sanitised HTML rendered from <see cref="Body"/> when the service is saved, so pages never render Markdown.</summary>
    public required LocalisedText BodyHtml { get; set; }
    public required LocalisedText Eligibility { get; set; }
    public required LocalisedText Fees { get; set; }
    public int? PledgedWorkingDays { get; set; }
    public string? ExternalUrl { get; set; }
    /// <summary>The form (Forms module) an online application starts with; null when the service takes none here.</summary>
    public string? StartFormId { get; set; }
    /// <summary>The OneStop ID level an applicant needs: basic, verified or advanced (Identity/Assurance).</summary>
    public string RequiredAssurance { get; set; } = "basic";
    /// <summary>Whether people without an account may apply (with a resume link by email instead).</summary>
    public bool AllowsGuests { get; set; }
    /// <summary>Transactions a year; ranks "most used".</summary>
    public long Usage { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Category> Categories { get; } = [];
}

/// <summary>
/// One row whose number goes up with every change to the catalogue, so that each app node can tell
/// cheaply whether its in-memory search index is stale.
/// </summary>
public sealed class CatalogueRevision
{
    public int Id { get; set; }
    public long Value { get; set; }
}
