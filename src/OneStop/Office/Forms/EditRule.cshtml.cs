using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

/// <summary>A cross-field rule: when a condition holds (or always), another must, or the message shows on a question. Without an id, a new rule.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditRuleModel(FormDrafts drafts, Text text) : EditorPageModel(drafts, text)
{
    [BindProperty] public string? RuleId { get; set; }
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? MessageEn { get; set; }
    [BindProperty] public string? MessageZhHk { get; set; }
    [BindProperty] public string? MessageZhCn { get; set; }

    public RuleDefinition? Rule { get; private set; }
    public ConditionInput When { get; private set; } = null!;
    public ConditionInput Assert { get; private set; } = null!;
    public IReadOnlyList<FieldDefinition> Readable => Definition.AskedBefore();
    public string Path => EditorPath(Rule is null ? "/rules" : $"/rules/{Rule.Id}");

    private async Task<bool> FindAsync([FromRoute] string id, [FromRoute] string? ruleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return false;
        if (ruleId is not null && Definition.Rules.FirstOrDefault(r => r.Id == ruleId) is not { } rule) return false;
        Rule = ruleId is null ? null : Definition.Rules.First(r => r.Id == ruleId);
        RuleId = Rule?.Id;
        Field = Rule?.Field;
        (MessageEn, MessageZhHk, MessageZhCn) = (Rule?.Message.En, Rule?.Message.ZhHk, Rule?.Message.ZhCn);
        When = ConditionInput.From("When", Rule?.When);
        Assert = ConditionInput.From("Assert", Rule?.Assert);
        if (Rule is null) Assert.Mode = ConditionInput.Builder;
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, [FromRoute] string? ruleId, CancellationToken cancellationToken) =>
        await FindAsync(id, ruleId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, [FromRoute] string? ruleId, CancellationToken cancellationToken)
    {
        var typed = (RuleId, Field, MessageEn, MessageZhHk, MessageZhCn);
        if (!await FindAsync(id, ruleId, cancellationToken)) return NotFound();
        (RuleId, Field, MessageEn, MessageZhHk, MessageZhCn) = typed;
        When = ConditionInput.Read(Request.Form, "When");
        Assert = ConditionInput.Read(Request.Form, "Assert");
        if (!Current()) return Page();

        var newId = (RuleId ?? "").Trim();
        if (!ItemId().IsMatch(newId)) AddError(nameof(RuleId), T["office.forms.error.itemId"]);
        else if (newId != ruleId && Definition.Rules.Any(r => r.Id == newId)) AddError(nameof(RuleId), T["office.forms.error.itemIdTaken"]);
        if (string.IsNullOrEmpty(Field)) AddError(nameof(Field), T["office.forms.rule.error.field"]);
        var when = When.ToCondition(Definition.Field, out var whenError);
        if (whenError is { } w) AddError("WhenMode", T[w.Key, w.Argument]);
        var assert = Assert.ToCondition(Definition.Field, out var assertError);
        if (assertError is { } a) AddError("AssertMode", T[a.Key, a.Argument]);
        else if (assert is null) AddError("AssertMode", T["office.forms.rule.error.assert"]);
        if (HasErrors) return Page();

        var rule = new RuleDefinition
        {
            Id = newId,
            Field = Field!,
            When = when,
            Assert = assert!,
            Message = WordsOf(MessageEn, MessageZhHk, MessageZhCn) ?? new Words { En = "", ZhHk = "", ZhCn = "" },
        };
        var rules = ruleId is null ? [.. Definition.Rules, rule] : Definition.Rules.Select(r => r.Id == ruleId ? rule : r).ToList();
        await SaveAsync(Definition with { Rules = rules }, cancellationToken);
        return RedirectTo(EditorPath() + "#section-rules", "ruleSaved");
    }
}
