using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Payments.Fees;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Fees;

/// <summary>
/// A service's fee schedule in words: when it is paid and whether a rejection refunds it (changed here), its items
/// and concessions in order (moved and removed here, edited on their own pages), and the problems it has.
/// </summary>
[Authorize(Policy = FeeEditorModule.Policy)]
public sealed class ShowModel(FeeEditor editor, Text text) : FeePageModel(editor, text)
{
    [BindProperty] public string? When { get; set; }
    [BindProperty] public bool RefundOnRejection { get; set; }
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public int By { get; set; }

    /// <summary>What is wrong with the stored schedule now (a question taken off the form since it was saved).</summary>
    public IReadOnlyList<FeeProblem> Problems { get; private set; } = [];

    private async Task<bool> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return false;
        if (Definition is { } fees)
        {
            Problems = FeeCheck.Run(fees, Copy.FieldIds);
            (When, RefundOnRejection) = (Timing(fees.When), fees.RefundOnRejection);
        }
        return true;
    }

    public static string Timing(PaymentTiming when) => when == PaymentTiming.Approval ? "approval" : "submission";

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        await FindAsync(slug, cancellationToken) ? Page() : NotFound();

    /// <summary>Saves when the fee is paid and whether a rejection refunds it.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        var typed = (When, RefundOnRejection);
        if (!await FindAsync(slug, cancellationToken)) return NotFound();
        (When, RefundOnRejection) = typed;
        if (!Current()) return Page();
        if (Definition is not { } fees)
        {
            AddError("", T["office.fees.error.noSchedule"]);
            return Page();
        }
        PaymentTiming? timing = When switch { "submission" => PaymentTiming.Submission, "approval" => PaymentTiming.Approval, _ => null };
        if (timing is null)
        {
            AddError(nameof(When), T["office.fees.error.chooseWhen"]);
            return Page();
        }
        if (!await SaveAsync(fees with { When = timing.Value, RefundOnRejection = RefundOnRejection }, (_, _) => null, strict: false, cancellationToken)) return Page();
        return RedirectTo(Root, "saved");
    }

    public Task<IActionResult> OnPostMoveItemAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d => (d with { Items = Move(d.Items, i => i.Id == Item, By < 0 ? -1 : 1) }, null), "moved", cancellationToken);

    public Task<IActionResult> OnPostMoveConcessionAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d => (d with { Concessions = Move(d.Concessions, c => c.Id == Item, By < 0 ? -1 : 1) }, null), "moved", cancellationToken);

    /// <summary>
    /// Removes an item no concession names: taking it out of a concession's list would leave the list empty, and an
    /// empty list means every item. The last item stays (remove the whole schedule instead).
    /// </summary>
    public Task<IActionResult> OnPostDeleteItemAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d =>
        {
            if (d.Items.Count <= 1) return (null, "office.fees.error.lastItem");
            if (d.Concessions.Any(c => c.Items.Contains(Item!))) return (null, "office.fees.error.itemInUse");
            return (d with { Items = Without(d.Items, i => i.Id == Item) }, null);
        }, "deleted", cancellationToken);

    public Task<IActionResult> OnPostDeleteConcessionAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d => (d with { Concessions = Without(d.Concessions, c => c.Id == Item) }, null), "deleted", cancellationToken);

    /// <summary>Stops charging online: the schedule goes (audited); applications already paid for are not touched.</summary>
    public async Task<IActionResult> OnPostRemoveAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (!await FindAsync(slug, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        await Editor.RemoveAsync(Copy, User.UserId(), cancellationToken);
        return RedirectTo(Root, "removed");
    }

    private async Task<IActionResult> ChangeAsync(string slug, Func<FeeDefinition, (FeeDefinition? Changed, string? Refusal)> change, string done,
        CancellationToken cancellationToken)
    {
        if (!await FindAsync(slug, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        if (Definition is null)
        {
            AddError("", T["office.fees.error.noSchedule"]);
            return Page();
        }
        var (changed, refusal) = change(Definition);
        if (changed is null)
        {
            AddError("", T[refusal!]);
            return Page();
        }
        if (!await SaveAsync(changed, (_, _) => null, strict: false, cancellationToken)) return Page();
        return RedirectTo(Root, done);
    }
}
