using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Payments.Links.Manage;

/// <summary>What a payment item says once checked: every text in three languages, a fixed amount, a pattern that compiles.</summary>
public sealed record ItemChanges(LocalisedText Title, LocalisedText Description, LocalisedText ReferenceLabel, decimal Amount, string ReferencePattern);

/// <summary>
/// The fields adding and changing a payment item share, and their checks: titles, descriptions and reference
/// labels in English, Traditional and Simplified Chinese; an amount in HKD; a reference pattern that is a valid
/// regular expression (run later with a timeout on what the public types).
/// </summary>
public abstract class ItemForm(Text text) : FormPageModel
{
    protected Text T => text;

    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public string? TitleZhHk { get; set; }
    [BindProperty] public string? TitleZhCn { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }
    [BindProperty] public string? DescriptionZhHk { get; set; }
    [BindProperty] public string? DescriptionZhCn { get; set; }
    [BindProperty] public string? ReferenceLabelEn { get; set; }
    [BindProperty] public string? ReferenceLabelZhHk { get; set; }
    [BindProperty] public string? ReferenceLabelZhCn { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? ReferencePattern { get; set; }

    protected void Show(PaymentLinkItem item)
    {
        (TitleEn, TitleZhHk, TitleZhCn) = (item.Title.En, item.Title.ZhHk, item.Title.ZhCn);
        (DescriptionEn, DescriptionZhHk, DescriptionZhCn) = (item.Description.En, item.Description.ZhHk, item.Description.ZhCn);
        (ReferenceLabelEn, ReferenceLabelZhHk, ReferenceLabelZhCn) = (item.ReferenceLabel.En, item.ReferenceLabel.ZhHk, item.ReferenceLabel.ZhCn);
        Amount = item.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        ReferencePattern = item.ReferencePattern;
    }

    /// <summary>The item as typed, or null with each problem added to the page's errors.</summary>
    protected ItemChanges? Read()
    {
        var title = Words("Title", "title", TitleEn, TitleZhHk, TitleZhCn, LinkRules.TitleMaxLength);
        var description = Words("Description", "description", DescriptionEn, DescriptionZhHk, DescriptionZhCn, LinkRules.DescriptionMaxLength);
        var label = Words("ReferenceLabel", "referenceLabel", ReferenceLabelEn, ReferenceLabelZhHk, ReferenceLabelZhCn, LinkRules.TitleMaxLength);
        var amount = LinkRules.ParseAmount(Amount);
        if (amount is null) AddError(nameof(Amount), T["payments.links.manage.error.amount"]);
        var pattern = ReferencePattern?.Trim() ?? "";
        if (LinkRules.PatternProblem(pattern) is { } problem) AddError(nameof(ReferencePattern), T["payments.links.manage.error." + problem]);
        return HasErrors ? null : new ItemChanges(title, description, label, amount!.Value, pattern);
    }

    private LocalisedText Words(string field, string name, string? en, string? zhHk, string? zhCn, int maxLength)
    {
        foreach (var (suffix, value) in new[] { ("En", en), ("ZhHk", zhHk), ("ZhCn", zhCn) })
        {
            if (string.IsNullOrWhiteSpace(value))
                AddError(field + suffix, T["payments.links.manage.error.missing", T["payments.links.manage.field." + name], T["office.forms.language." + suffix]]);
            else if (value.Trim().Length > maxLength)
                AddError(field + suffix, T["payments.links.manage.error.tooLong", T["payments.links.manage.field." + name], T["office.forms.language." + suffix], maxLength]);
        }
        return new LocalisedText(en?.Trim() ?? "", zhHk?.Trim() ?? "", zhCn?.Trim() ?? "");
    }

    protected static void Apply(PaymentLinkItem item, ItemChanges changes)
    {
        (item.Title, item.Description, item.ReferenceLabel) = (changes.Title, changes.Description, changes.ReferenceLabel);
        (item.Amount, item.ReferencePattern) = (changes.Amount, changes.ReferencePattern);
    }
}
