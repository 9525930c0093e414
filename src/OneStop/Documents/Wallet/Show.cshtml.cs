using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneStop.Documents.Verifying;
using OneStop.Identity;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;
using OneStop.Platform.Web.Forms;

namespace OneStop.Documents.Wallet;

/// <summary>
/// One of the holder's documents: its facts, the download, how to receive a paper copy, and share links — made
/// with a life the holder chooses, shown once, listed while they work, stopped at will. Another person's document is 404.
/// </summary>
[Authorize]
public sealed class DocumentModel(MyDocuments mine, DocumentShares shares, PublicLinks links, IOptions<DocumentsOptions> options, Text text, TimeProvider clock) : FormPageModel
{
    public WalletDocument Details { get; private set; } = null!;
    public IReadOnlyList<DocumentShare> Shares { get; private set; } = [];
    public IReadOnlyList<int> OfferedDays => ShareExpiry.Offered(options.Value.MaxShareLifetime);
    public DateOnly LastDay => ShareExpiry.LastDay(clock.GetUtcNow(), options.Value.MaxShareLifetime);
    /// <summary>Sharing is for the version in force; an older one points to its successor instead.</summary>
    public bool CanShare => Details.State != VerifiedState.Superseded;
    public bool OffersCollection => Details.OffersPaperCopy && Details.State == VerifiedState.Valid;

    [BindProperty] public string? Expiry { get; set; }
    [BindProperty] public string? UntilDay { get; set; }
    [BindProperty] public string? UntilMonth { get; set; }
    [BindProperty] public string? UntilYear { get; set; }

    /// <summary>The link just made, carried over the redirect once (TempData is read once) and never stored.</summary>
    [TempData] public string? NewLink { get; set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanShare) return NotFound();
        var choice = ShareExpiry.Read(Expiry, UntilDay, UntilMonth, UntilYear, clock.GetUtcNow(), options.Value.MaxShareLifetime);
        if (choice.ExpiresAt is not { } expiresAt)
        {
            var language = Languages.Current;
            AddError(choice.Field!, choice.LastDay is { } last
                ? text[choice.ErrorKey!, OneStop.Forms.Answers.Dates.Long(last, language)]
                : text[choice.ErrorKey!]);
            return Page();
        }
        var created = await shares.CreateAsync(Details.Document, User.UserId()!.Value, expiresAt, cancellationToken);
        NewLink = links.To(SharedPaths.View(created.Token), Languages.Current);
        return Redirect(Url.Content("~" + DocumentPaths.Document(id)));
    }

    public async Task<IActionResult> OnPostStopAsync(Guid id, Guid shareId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!await shares.StopAsync(Details.Document, shareId, User.UserId()!.Value, cancellationToken)) return NotFound();
        Done = "stopped";
        return Redirect(Url.Content("~" + DocumentPaths.Document(id)));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId || await mine.DetailsAsync(userId, id, cancellationToken) is not { } details) return false;
        Details = details;
        Shares = await shares.ActiveAsync(id, userId, cancellationToken);
        return true;
    }
}

/// <summary>Where a share link leads.</summary>
public static class SharedPaths
{
    public static string View(string token) => $"/shared/{token}";
    public static string Download(string token) => $"/shared/{token}/download";
}
