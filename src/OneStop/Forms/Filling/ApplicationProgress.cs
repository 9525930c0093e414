namespace OneStop.Forms.Filling;

/// <summary>
/// Where a sent application stands, worded for the person in the page's language: the service, the state,
/// what happens next and by when, and the action open to them (with where to take it). Made by case
/// processing (Cases/Applicants), which Forms does not otherwise know about.
/// </summary>
public sealed record ApplicationProgress(string? Service, string State, string StateColour, string? Next)
{
    /// <summary>"Reply needed": the one thing the person must do; null when there is nothing to do.</summary>
    public string? Action { get; init; }
    /// <summary>App-relative path of the action's page.</summary>
    public string? ActionPath { get; init; }
    /// <summary>"Receipt": a paid fee's receipt (Payments), with its app-relative path; null when nothing was paid.</summary>
    public string? Receipt { get; init; }
    public string? ReceiptPath { get; init; }
}

/// <summary>Where the person's sent applications stand (see <see cref="ApplicationProgress"/>).</summary>
public interface IApplicationProgress
{
    /// <summary>One entry for each of <paramref name="submissionIds"/> that belongs to <paramref name="userId"/>.</summary>
    Task<IReadOnlyDictionary<Guid, ApplicationProgress>> ForAsync(Guid userId, IReadOnlyCollection<Guid> submissionIds, CancellationToken cancellationToken);
}

/// <summary>The page of one sent application (its case, timeline and actions: Cases/Applicants).</summary>
public static class SentApplications
{
    public static string Path(string reference) => $"/applications/sent/{Uri.EscapeDataString(reference)}";
}
