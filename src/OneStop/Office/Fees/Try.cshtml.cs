using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Payments.Fees;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Fees;

/// <summary>
/// "Try it": sample answers for the questions the schedule reads (and an age, when a concession reads it) give the
/// quote an applicant would see, line by line. A GET form: nothing is saved, and the address can be shared.
/// </summary>
[Authorize(Policy = FeeEditorModule.Policy)]
public sealed class TryModel(FeeEditor editor, Text text, TimeProvider clock) : FeePageModel(editor, text)
{
    public const string Prefix = "q.";
    private const int MostGroupItems = 100;

    /// <summary>The questions the schedule reads, with what was typed for each.</summary>
    public IReadOnlyList<(FieldDefinition Field, IReadOnlyList<string> Typed)> Questions { get; private set; } = [];
    public bool AsksAge { get; private set; }
    public string? Age { get; private set; }
    public FeeQuote? Quote { get; private set; }
    public IReadOnlyList<FeeItem> NotCharged { get; private set; } = [];

    public static string InputId(string field) => Prefix + field;

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (Definition is not { } fees) return Page();
        var read = fees.Items.SelectMany(i => new[] { i.QuantityFrom, i.TierFrom }.OfType<string>().Concat(i.When?.Fields() ?? []))
            .Concat(fees.Concessions.SelectMany(c => c.When.Fields())).Distinct().ToList();
        AsksAge = read.Remove(FeeRules.ProfileAge);
        Questions = read.Select(id => (Copy.Field(id) ?? new FieldDefinition { Id = id, Type = FieldType.Text },
            (IReadOnlyList<string>)Request.Query[Prefix + id].Select(v => v ?? "").ToList())).ToList();
        Age = Request.Query["age"].ToString().Trim();
        if (Request.Query["try"] != "1") return Page();

        var answers = new JsonObject();
        foreach (var (field, typed) in Questions)
            if (Answer(field, typed) is { } answer) answers[field.Id] = answer;
        int? age = null;
        if (AsksAge && Age.Length > 0)
        {
            if (int.TryParse(Age, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 150) age = years;
            else AddError("age", T["office.fees.error.age"]);
        }
        if (HasErrors) return Page();
        Quote = FeeRules.Quote(fees, answers, new PayerFacts(age), HongKongTime.Today(clock));
        NotCharged = fees.Items.Where(i => Quote.Lines.All(l => l.ItemId != i.Id)).ToList();
        return Page();
    }

    /// <summary>What was typed as the answer the form would store: numbers, yes/no, ticked boxes, a group of so many items.</summary>
    private JsonNode? Answer(FieldDefinition field, IReadOnlyList<string> typed)
    {
        var first = typed.FirstOrDefault()?.Trim() ?? "";
        switch (field.Type)
        {
            case FieldType.Checkboxes:
                return new JsonArray(typed.Where(t => t.Length > 0).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
            case FieldType.Group:
                if (first.Length == 0) return null;
                if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var items) && items <= MostGroupItems)
                    return new JsonArray(Enumerable.Range(0, items).Select(_ => (JsonNode)new JsonObject()).ToArray());
                AddError(InputId(field.Id), T["office.fees.error.items", MostGroupItems]);
                return null;
            case FieldType.Number or FieldType.Decimal or FieldType.Money:
                if (first.Length == 0) return null;
                if (decimal.TryParse(first, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
                AddError(InputId(field.Id), T["office.fees.error.number"]);
                return null;
            case FieldType.YesNo or FieldType.Declaration:
                return first switch { "true" => JsonValue.Create(true), "false" => JsonValue.Create(false), _ => null };
            default:
                return first.Length == 0 ? null : JsonValue.Create(first);
        }
    }
}
