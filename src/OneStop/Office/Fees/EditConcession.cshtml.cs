using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Payments.Fees;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Fees;

/// <summary>
/// Adds a concession (no id in the address) or changes one: its names, the percentage it takes off (100 waives),
/// the items it applies to (none ticked: every item) and who it is for. The largest concession that applies wins.
/// </summary>
[Authorize(Policy = FeeEditorModule.Policy)]
public sealed class EditConcessionModel(FeeEditor editor, Text text) : FeePageModel(editor, text)
{
    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public string? PercentOff { get; set; }
    [BindProperty] public List<string> Items { get; set; } = [];
    public FeeCondition When { get; private set; } = null!;

    /// <summary>The concession being changed; null when adding one.</summary>
    public Concession? Concession { get; private set; }

    /// <summary>What a concession's tests may read: the form's questions and the payer's age.</summary>
    public IReadOnlyList<FieldDefinition> Questions => [FeeCondition.AgeQuestion, .. Copy.Fields];

    private async Task<bool> FindAsync(string slug, string? concessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return false;
        if (concessionId is null)
        {
            When = FeeCondition.From("When", null, forConcession: true);
            PercentOff = "100";
            return true;
        }
        if (Definition?.Concessions.FirstOrDefault(c => c.Id == concessionId) is not { } concession) return false;
        Concession = concession;
        Id = concession.Id;
        (NameEn, NameZhHk, NameZhCn) = (concession.Name.En, concession.Name.ZhHk, concession.Name.ZhCn);
        PercentOff = concession.PercentOff.ToString("0.##", CultureInfo.InvariantCulture);
        Items = [.. concession.Items];
        When = FeeCondition.From("When", concession.When, forConcession: true);
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] string? concessionId, CancellationToken cancellationToken) =>
        await FindAsync(slug, concessionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, [FromRoute] string? concessionId, CancellationToken cancellationToken)
    {
        var typed = (Id, NameEn, NameZhHk, NameZhCn, PercentOff, Items);
        if (!await FindAsync(slug, concessionId, cancellationToken)) return NotFound();
        (Id, NameEn, NameZhHk, NameZhCn, PercentOff, Items) = typed;
        When = FeeCondition.Read(Request.Form, "When", forConcession: true);
        if (!Current()) return Page();
        if (Definition is not { } fees)
        {
            AddError("", T["office.fees.error.noSchedule"]);
            return Page();
        }

        var id = Concession?.Id ?? (Id ?? "").Trim();
        var percent = decimal.TryParse((PercentOff ?? "").Replace("%", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : (decimal?)null;
        if (percent is null) AddError(nameof(PercentOff), T["office.fees.error.percent"]);
        var condition = When.ToCondition(Copy.Field, out var conditionError);
        if (conditionError is { } e) AddError("WhenMode", T[e.Key, e.Argument ?? ""]);
        else if (condition is null) AddError("WhenMode", T["office.fees.error.concessionWhen"]);
        if (HasErrors) return Page();

        var concession = new Concession { Id = id, Name = WordsOf(NameEn, NameZhHk, NameZhCn), PercentOff = percent!.Value, Items = Items.Distinct().ToList(), When = condition! };
        var changed = fees with { Concessions = Concession is null ? [.. fees.Concessions, concession] : fees.Concessions.Select(c => c.Id == id ? concession : c).ToList() };
        if (!await SaveAsync(changed, (place, _) => place.Kind == "concessions" && place.Id == id ? InputFor(place.Part) : null, strict: false, cancellationToken))
            return Page();
        return RedirectTo(Root, Concession is null ? "concessionAdded" : "saved");
    }

    private static string InputFor(string? rest) => rest switch
    {
        "id" => nameof(Id),
        "name" => nameof(NameEn),
        "percentOff" => nameof(PercentOff),
        "items" => nameof(Items),
        _ => "WhenMode",
    };
}
