using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling.Reading;
using OneStop.Forms.Uploads;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>
/// One page of questions. Continue checks the page and saves it; "Save and come back later" saves what reads
/// without asking for the rest; "Add another" and "Remove" change a repeating group. Every outcome without
/// errors is a redirect (PRG); errors show the page again with exactly what was typed.
/// </summary>
public sealed class QuestionModel(DraftAccess access, SaveAnswers save, Text text, Prefill.Prefills prefills, PageUploads uploads) : DraftPageModel(access)
{
    [BindProperty(SupportsGet = true)] public bool Change { get; set; }

    public PageForm Form { get; private set; } = null!;

    public (int Step, int Of) Progress => Journey.Progress(Form.Page);

    public string BackPath => Change ? Journey.CheckPath
        : Journey.Before(Form.Page) is { } previous ? Journey.PagePath(previous) : Journey.StartPath;

    public async Task<IActionResult> OnGetAsync(Guid draftId, string pageId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (Journey.Definition.Page(pageId) is not { } page) return NotFound();
        if (!Journey.IsShown(page)) return GoTo(Journey.ContinuePath);
        // An account holder's draft opened for the first time is offered prefill first (Forms/Prefill).
        if (await prefills.ShouldOfferAsync(Journey, cancellationToken)) return GoTo(Prefill.Prefills.PrefillPath(draftId));
        var locks = await LocksAsync(cancellationToken);
        Form = new PageForm(Journey, page, Journey.Answers, PageForm.InputsFor(page, Journey.Answers), Languages.Current) { Locked = locks.Fields };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, string pageId, string? intent, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (Journey.Definition.Page(pageId) is not { } page) return NotFound();
        if (!Journey.IsShown(page)) return GoTo(Journey.ContinuePath);

        var inputs = FieldInputs.From(Request.Form);
        var shown = Request.Form["shown"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var locks = await LocksAsync(cancellationToken);
        // Each save applies this post to the answers as saved (again, if another tab saved in between); a locked
        // answer is never read from the post and always keeps its verified value.
        JsonObject Merged(JsonObject answers) => locks.Apply(PageForm.Merge(answers, page, inputs, shown));
        var merged = Merged(Journey.Answers);
        var errors = FormRules.ValidatePage(Journey.Definition, page, merged, Journey.Today);
        var wrong = errors.Where(e => !PageForm.Incomplete.Contains(e.Kind)).ToList();

        switch (intent ?? "continue")
        {
            case "save-later":
                await save.SaveAsync(Journey, answers => WithoutWrong(Merged(answers), wrong), cancellationToken);
                // Guests have no My applications: they are offered a link by email (Forms/Guests).
                return GoTo(Journey.Draft.UserId is not null ? "/applications" : $"/applications/{draftId}/resume-link");

            case var file when PageUploads.Handles(file):
                // Uploading or removing a file keeps what was typed in the page's other boxes, as saving for later does.
                await save.SaveAsync(Journey, answers => WithoutWrong(Merged(answers), wrong), cancellationToken);
                switch (await uploads.RunAsync(Journey, page, file, Request.Form.Files, cancellationToken))
                {
                    case FileAction.Done done:
                        TempData[PageUploads.NoticeKey] = done.Notice;
                        return GoTo(Journey.PagePath(page, Change));
                    case FileAction.Refused refused:
                        Form = new PageForm(Journey, page, Journey.Answers, inputs, Languages.Current) { Locked = Locked };
                        PageUploads.Show(this, Form, refused.FieldId, refused.Message);
                        return Page();
                    default:
                        return BadRequest();
                }

            case var add when add.StartsWith("add:", StringComparison.Ordinal):
                if (wrong.Count > 0) return ShowErrors(page, merged, inputs, wrong);
                if (GroupOn(page, add[4..]) is not { } group) return BadRequest();
                await save.SaveAsync(Journey, answers => ChangeItems(Merged(answers), group, items =>
                {
                    if (items.Count < GroupReader.MaxItems(group)) items.Add(new JsonObject());
                }), cancellationToken);
                var added = (Journey.Answers[group.Id] as JsonArray)?.Count ?? 1;
                return GoTo(Journey.PagePath(page, Change) + $"#{FieldNames.Id(group.Id)}-{added - 1}-item");

            case var remove when remove.StartsWith("remove:", StringComparison.Ordinal):
                if (wrong.Count > 0) return ShowErrors(page, merged, inputs, wrong);
                var parts = remove[7..].Split('.');
                if (parts.Length != 2 || GroupOn(page, parts[0]) is not { } from || !int.TryParse(parts[1], out var index)) return BadRequest();
                await save.SaveAsync(Journey, answers => ChangeItems(Merged(answers), from, items =>
                {
                    if (index >= 0 && index < items.Count) items.RemoveAt(index);
                }), cancellationToken);
                return GoTo(Journey.PagePath(page, Change) + $"#{FieldNames.Id(from.Id)}");
        }

        // A field this page has just started asking (its condition turned on by an answer above it) is shown
        // before the page is checked, so nobody gets an error about a question they have not seen.
        var revealed = new PageForm(Journey, page, merged, inputs, Languages.Current).Names
            .FirstOrDefault(n => !shown.Contains(n) && !PageForm.IsAnswered(merged, n));
        if (revealed is not null && wrong.Count == 0)
        {
            await save.SaveAsync(Journey, Merged, cancellationToken);
            return GoTo(Journey.PagePath(page, Change) + "#" + FieldNames.Id(revealed));
        }
        if (errors.Count > 0) return ShowErrors(page, merged, inputs, errors);

        await save.SaveAsync(Journey, Merged, cancellationToken);
        if (Change) return GoTo(Journey.FirstUnfinished(after: page) is { } unfinished ? Journey.PagePath(unfinished, change: true) : Journey.CheckPath);
        return GoTo(Journey.After(page) is { } next ? Journey.PagePath(next) : Journey.CheckPath);
    }

    private IReadOnlySet<string> Locked { get; set; } = new HashSet<string>();

    private async Task<Prefill.Locks> LocksAsync(CancellationToken cancellationToken)
    {
        var locks = await prefills.LocksAsync(Journey.Draft.Id, cancellationToken);
        Journey.Answers = locks.Apply(Journey.Answers);
        Locked = locks.Fields;
        return locks;
    }

    private static JsonObject ChangeItems(JsonObject answers, FieldDefinition group, Action<JsonArray> change)
    {
        var items = answers[group.Id] as JsonArray ?? [];
        change(items);
        answers[group.Id] = items.DeepClone();
        return answers;
    }

    private static FieldDefinition? GroupOn(PageDefinition page, string id) => page.Fields.FirstOrDefault(f => f.Id == id && f.Type == FieldType.Group);

    /// <summary>The answers without those that broke a rule of their own (a number that is not one), kept for a later visit.</summary>
    private static JsonObject WithoutWrong(JsonObject merged, IEnumerable<FieldError> wrong)
    {
        foreach (var error in wrong)
        {
            var parts = error.Path.Split('.');
            if (parts.Length == 3 && merged[parts[0]] is JsonArray items && int.TryParse(parts[1], out var i) && i < items.Count && items[i] is JsonObject item) item.Remove(parts[2]);
            else merged.Remove(parts[0]);
        }
        return merged;
    }

    private PageResult ShowErrors(PageDefinition page, JsonObject merged, FieldInputs inputs, IReadOnlyList<FieldError> errors)
    {
        Form = new PageForm(Journey, page, merged, inputs, Languages.Current) { Locked = Locked };
        Form.Show(errors, text);
        foreach (var error in errors) AddError(Form.AnchorFor(error), Form.Errors[error.Path].Message);
        return Page();
    }
}
