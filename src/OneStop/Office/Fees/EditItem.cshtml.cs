using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Payments.Fees;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Fees;

/// <summary>One tier as typed: its upper bound (empty for the last, open tier) and its amount.</summary>
public sealed class TierRow
{
    public string? UpTo { get; set; }
    public string? Amount { get; set; }
}

/// <summary>
/// Adds an item (no id in the address) or changes one: its names, how it is priced (a fixed amount, an amount per
/// unit counted from an answer, or tiers over an answer) and when it is charged. The id is set once: paid payments'
/// breakdowns and concessions name it. Saved only when FeeCheck finds nothing new wrong.
/// </summary>
[Authorize(Policy = FeeEditorModule.Policy)]
public sealed class EditItemModel(FeeEditor editor, Text text) : FeePageModel(editor, text)
{
    public static readonly string[] Kinds = ["fixed", "perUnit", "tiers"];
    private const int BlankTiers = 2;

    /// <summary>Answers an item can count or be tiered over: numbers, and the items of a group or the ticked boxes.</summary>
    public static readonly FieldType[] Countable = [FieldType.Number, FieldType.Decimal, FieldType.Money, FieldType.Group, FieldType.Checkboxes];

    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? UnitAmount { get; set; }
    [BindProperty] public string? QuantityFrom { get; set; }
    [BindProperty] public string? MaxQuantity { get; set; }
    [BindProperty] public string? TierFrom { get; set; }
    [BindProperty] public List<TierRow> Tiers { get; set; } = [];
    public FeeCondition When { get; private set; } = null!;

    /// <summary>The item being changed; null when adding one.</summary>
    public FeeItem? Item { get; private set; }

    public IEnumerable<FieldDefinition> CountableFields => Copy.Fields.Where(f => Countable.Contains(f.Type));

    private async Task<bool> FindAsync(string slug, string? itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return false;
        if (itemId is null)
        {
            (Kind, When) = ("fixed", FeeCondition.From("When", null, forConcession: false));
            Tiers = [.. Enumerable.Range(0, BlankTiers).Select(_ => new TierRow())];
            return true;
        }
        if (Definition?.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return false;
        Item = item;
        Id = item.Id;
        (NameEn, NameZhHk, NameZhCn) = (item.Name.En, item.Name.ZhHk, item.Name.ZhCn);
        Kind = item.Amount is not null ? "fixed" : item.UnitAmount is not null ? "perUnit" : "tiers";
        (Amount, UnitAmount, QuantityFrom, TierFrom) = (Show(item.Amount), Show(item.UnitAmount), item.QuantityFrom, item.TierFrom);
        MaxQuantity = item.MaxQuantity?.ToString(CultureInfo.InvariantCulture);
        Tiers = [.. item.Tiers.Select(t => new TierRow { UpTo = Show(t.UpTo), Amount = Show(t.Amount) }), .. Enumerable.Range(0, BlankTiers).Select(_ => new TierRow())];
        When = FeeCondition.From("When", item.When, forConcession: false);
        return true;
    }

    public static string? Show(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] string? itemId, CancellationToken cancellationToken) =>
        await FindAsync(slug, itemId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, [FromRoute] string? itemId, CancellationToken cancellationToken)
    {
        var typed = (Id, NameEn, NameZhHk, NameZhCn, Kind, Amount, UnitAmount, QuantityFrom, MaxQuantity, TierFrom, Tiers);
        if (!await FindAsync(slug, itemId, cancellationToken)) return NotFound();
        (Id, NameEn, NameZhHk, NameZhCn, Kind, Amount, UnitAmount, QuantityFrom, MaxQuantity, TierFrom, Tiers) = typed;
        When = FeeCondition.Read(Request.Form, "When", forConcession: false);
        if (Tiers.Count(t => string.IsNullOrWhiteSpace(t.UpTo) && string.IsNullOrWhiteSpace(t.Amount)) == 0) Tiers.Add(new TierRow());
        if (!Current()) return Page();

        var id = Item?.Id ?? (Id ?? "").Trim();
        var item = new FeeItem { Id = id, Name = WordsOf(NameEn, NameZhHk, NameZhCn) };
        switch (Kind)
        {
            case "fixed":
                item = item with { Amount = Money(nameof(Amount), Amount) };
                break;
            case "perUnit":
                item = item with { UnitAmount = Money(nameof(UnitAmount), UnitAmount), QuantityFrom = Blank(QuantityFrom), MaxQuantity = Whole(nameof(MaxQuantity), MaxQuantity) };
                break;
            case "tiers":
                item = item with { TierFrom = Blank(TierFrom), Tiers = ReadTiers() };
                break;
            default:
                AddError(nameof(Kind), T["office.fees.error.chooseKind"]);
                break;
        }
        var condition = When.ToCondition(Copy.Field, out var conditionError);
        if (conditionError is { } e) AddError("WhenMode", T[e.Key, e.Argument ?? ""]);
        if (HasErrors) return Page();

        item = item with { When = condition };
        var fees = Definition ?? new FeeDefinition { Items = [] };
        var changed = fees with { Items = Item is null ? [.. fees.Items, item] : fees.Items.Select(i => i.Id == id ? item : i).ToList() };
        if (!await SaveAsync(changed, (place, problem) => place.Kind == "items" && place.Id == id ? InputFor(place.Part, problem) : null, strict: false, cancellationToken))
            return Page();
        return RedirectTo(Root, Item is null ? "itemAdded" : "saved");
    }

    private string InputFor(string? rest, FeeProblem problem) => rest switch
    {
        "id" => nameof(Id),
        "name" => nameof(NameEn),
        "quantityFrom" => nameof(QuantityFrom),
        "maxQuantity" => nameof(MaxQuantity),
        "tierFrom" => nameof(TierFrom),
        "tiers" => "Tiers_0__UpTo",
        _ => problem.Code switch
        {
            "onePrice" => nameof(Kind),
            "amountOutOfRange" => Kind switch { "perUnit" => nameof(UnitAmount), "tiers" => "Tiers_0__Amount", _ => nameof(Amount) },
            "unknownField" when problem.Arguments.FirstOrDefault() == QuantityFrom => nameof(QuantityFrom),
            "unknownField" when problem.Arguments.FirstOrDefault() == TierFrom => nameof(TierFrom),
            _ => "WhenMode",
        },
    };

    private List<FeeTier> ReadTiers()
    {
        var tiers = new List<FeeTier>();
        for (var i = 0; i < Tiers.Count; i++)
        {
            var row = Tiers[i];
            if (string.IsNullOrWhiteSpace(row.UpTo) && string.IsNullOrWhiteSpace(row.Amount)) continue;
            decimal? upTo = null;
            if (!string.IsNullOrWhiteSpace(row.UpTo))
            {
                if (decimal.TryParse(row.UpTo.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var bound)) upTo = bound;
                else AddError($"Tiers_{i}__UpTo", T["office.fees.error.number"]);
            }
            if (Money($"Tiers_{i}__Amount", row.Amount) is { } amount) tiers.Add(new FeeTier { UpTo = upTo, Amount = amount });
        }
        if (tiers.Count == 0 && !HasErrors) AddError("Tiers_0__UpTo", T["office.fees.error.noTiers"]);
        return tiers;
    }

    /// <summary>An amount in HK$ as typed ("1,000", "HK$ 80.50"), or the error on <paramref name="input"/>.</summary>
    private decimal? Money(string input, string? typed)
    {
        var text = (typed ?? "").Replace("HK$", "", StringComparison.OrdinalIgnoreCase).Replace("$", "", StringComparison.Ordinal).Trim();
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)) return amount;
        AddError(input, T["office.fees.error.amount"]);
        return null;
    }

    private int? Whole(string input, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        AddError(input, T["office.fees.error.wholeNumber"]);
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
