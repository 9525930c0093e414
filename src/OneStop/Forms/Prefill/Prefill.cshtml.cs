using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling;

namespace OneStop.Forms.Prefill;

/// <summary>
/// <c>/applications/{draftId}/prefill</c>: which answers the form can take from the person's OneStop profile,
/// "Use my details" (OneStop ID's consent screen) or "Fill in myself". The consent screen comes back here with
/// <c>consent=granted&amp;receipt=…</c>, <c>declined</c> or <c>expired</c>. Asked once per draft.
/// </summary>
public sealed class PrefillModel(DraftAccess access, Prefills prefills) : DraftPageModel(access)
{
    public IReadOnlyList<FieldDefinition> Fields { get; private set; } = [];

    public string DepartmentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid draftId, string? consent, Guid? receipt, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (!Prefills.Offers(Journey)) return GoTo(Journey.ContinuePath);
        var decided = await prefills.FindAsync(draftId, cancellationToken) is not null;
        if (consent is not null)
        {
            // Back from the consent screen once already (a reload, the back button): the first answer stands.
            if (decided) return GoTo(Journey.ContinuePath);
            if (consent == "granted" && receipt is { } receiptId)
            {
                var result = await prefills.ApplyAsync(Journey, receiptId, cancellationToken);
                if (result is PrefillResult.Applied) return GoTo(FirstPage("filled"));
                if (result is PrefillResult.AlreadyDecided) return GoTo(Journey.ContinuePath);
            }
            var outcome = consent == "declined" ? PrefillOutcome.Declined : PrefillOutcome.Expired;
            await prefills.DecideAsync(Journey, outcome, cancellationToken);
            return GoTo(FirstPage(outcome == PrefillOutcome.Declined ? "declined" : "expired"));
        }
        if (decided) return GoTo(Journey.ContinuePath);
        Fields = Prefills.PrefillFields(Journey.Definition);
        return Page();
    }

    public async Task<IActionResult> OnPostUseAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (!await prefills.ShouldOfferAsync(Journey, cancellationToken)) return GoTo(Journey.ContinuePath);
        var request = await prefills.AskAsync(Journey, cancellationToken);
        return GoTo($"/account/consent/{request}");
    }

    public async Task<IActionResult> OnPostSkipAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (!await prefills.ShouldOfferAsync(Journey, cancellationToken)) return GoTo(Journey.ContinuePath);
        await prefills.DecideAsync(Journey, PrefillOutcome.Skipped, cancellationToken);
        return GoTo(FirstPage(null));
    }

    /// <summary>The first question page, with the notice to show there (<c>?prefill=filled|declined|expired</c>).</summary>
    private string FirstPage(string? notice) =>
        (Journey.ShownPages.Count == 0 ? Journey.CheckPath : Journey.PagePath(Journey.ShownPages[0])) + (notice is null ? "" : "?prefill=" + notice);

    public bool AnyLockable => Fields.Any(f => f.LockVerified);
}
