using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using OneStop.Office.Forms;
using OneStop.Payments.Fees;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Fees;

/// <summary>A fee schedule in words, for the administrator who wrote it and the one who reads it next.</summary>
public sealed class FeeWords(Text t, FeeCopy copy)
{
    public static string Money(decimal amount) => $"HK${amount:#,0.00}";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A question by its label and id; the payer's age by name.</summary>
    public string Question(string? id)
    {
        if (id == FeeRules.ProfileAge) return t["office.fees.words.age"];
        if (id is null) return "";
        return copy.Field(id)?.Label?.Current is { Length: > 0 } label ? t["office.fees.words.question", label, id] : id;
    }

    public string Pricing(FeeItem item)
    {
        if (item.Amount is { } amount) return t["office.fees.words.fixed", Money(amount)];
        if (item.UnitAmount is { } unit)
            return t["office.fees.words.perUnit", Money(unit), Question(item.QuantityFrom)] + (item.MaxQuantity is { } max ? " " + t["office.fees.words.max", max] : "");
        var tiers = item.Tiers.Select(tier => tier.UpTo is { } upTo ? t["office.fees.words.upTo", Number(upTo), Money(tier.Amount)] : t["office.fees.words.above", Money(tier.Amount)]);
        return t["office.fees.words.tiers", Question(item.TierFrom)] + " " + string.Join(t["office.fees.words.separator"], tiers);
    }

    public string Condition(Condition condition) => condition switch
    {
        AllCondition all => string.Join(t["office.fees.words.and"], all.Conditions.Select(Part)),
        AnyCondition any => string.Join(t["office.fees.words.or"], any.Conditions.Select(Part)),
        NotCondition not => t["office.fees.words.not", Condition(not.Inner)],
        FieldCondition { Comparison: Comparison.Answered } f => t[f.Operand is JsonValue v && v.GetValueKind() == JsonValueKind.False
            ? "office.fees.words.notAnswered" : "office.fees.words.answered", Question(f.Field)],
        FieldCondition f => $"{Question(f.Field)} {t["office.forms.test." + JsonNamingPolicy.CamelCase.ConvertName(f.Comparison.ToString())]} "
            + (f.OtherField is { } other ? Question(other) : Value(f.Operand)),
        _ => ConditionInput.Write(condition),
    };

    /// <summary>A combination inside another reads in brackets.</summary>
    private string Part(Condition condition) => condition is AllCondition or AnyCondition ? $"({Condition(condition)})" : Condition(condition);

    private string Value(JsonNode? operand) => operand switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => t["office.fees.words.yes"],
        JsonValue v when v.GetValueKind() == JsonValueKind.False => t["office.fees.words.no"],
        JsonArray items => string.Join(", ", items.Select(Value)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"“{v.GetValue<string>()}”",
        _ => operand?.ToJsonString() ?? "",
    };

    public string Percent(Concession concession) => t["office.fees.words.percentOff", Number(concession.PercentOff)];

    public string ItemsOf(Concession concession, FeeDefinition fees) => concession.Items.Count == 0
        ? t["office.fees.words.everyItem"]
        : string.Join(", ", concession.Items.Select(id => fees.Items.FirstOrDefault(i => i.Id == id) is { } item ? NameOf(item.Name, id) : id));

    public static string NameOf(Words name, string id) => string.IsNullOrWhiteSpace(name.Current) ? id : name.Current;
}
