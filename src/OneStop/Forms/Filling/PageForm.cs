using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling.Reading;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>One field as a question page shows it: its input name, and for a repeating group the items with their fields.</summary>
public sealed record FieldView(FieldDefinition Field, string Name, PageForm Form)
{
    public IReadOnlyList<ItemView> Items { get; init; } = [];
    /// <summary>Filled from the person's verified identity: shown as text, never read from a post (Forms/Prefill).</summary>
    public bool Locked => Form.Locked.Contains(Name);
    /// <summary>Inside a group item, headings and legends are one level down.</summary>
    public bool InItem { get; init; }

    public string Id => FieldNames.Id(Name);
    public Language Language => Form.Language;
    public string Label => Field.Label?[Language] ?? "";
    public string? Hint => Field.Hint?[Language];
    public FieldInputs Inputs => Form.Inputs;
    public ShownError? Error => Form.Errors.GetValueOrDefault(Name);
    public string HintId => Id + "-hint";
    public string ErrorId => Id + "-error";

    /// <summary>The aria-describedby of the field's input or fieldset: hint, error and any extra ids, or null.</summary>
    public string? DescribedBy(params string?[] extra)
    {
        var ids = new[] { Hint is null ? null : HintId, Error is null ? null : ErrorId }.Concat(extra).Where(i => i is not null).ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>What the person calls one item of a group, e.g. "Director".</summary>
    public string ItemLabel(Platform.Localisation.Text text) => Field.ItemLabel?[Language] ?? text["forms.filling.item"];

    public bool CanAddItem => Items.Count < GroupReader.MaxItems(Field);
}

public sealed record ItemView(int Index, IReadOnlyList<FieldView> Fields);

/// <summary>An error as a page shows it: the rule broken and its message in the person's language.</summary>
public sealed record ShownError(FieldError Error, string Message);

/// <summary>
/// A question page of a draft: which fields it shows for the answers so far (and, in a group, which items and
/// fields), what the boxes hold, and the errors against them. Also reads a post back into answers.
/// </summary>
public sealed class PageForm
{
    public PageForm(Journey journey, PageDefinition page, JsonObject answers, FieldInputs inputs, Language language)
    {
        (Journey, Page, Answers, Inputs, Language) = (journey, page, answers, inputs, language);
        Fields = FormRules.ShownFields(page, answers, journey.Today).Select(f => View(f, f.Id, inItem: false)).ToList();
    }

    public Journey Journey { get; }
    public PageDefinition Page { get; }
    public JsonObject Answers { get; }
    public FieldInputs Inputs { get; }
    public Language Language { get; }
    public IReadOnlyList<FieldView> Fields { get; }
    public Dictionary<string, ShownError> Errors { get; } = new(StringComparer.Ordinal);
    /// <summary>Field ids whose answers are locked to verified identity values (Forms/Prefill).</summary>
    public IReadOnlySet<string> Locked { get; init; } = new HashSet<string>();

    /// <summary>The inputs of answerable fields on the page as shown, sent back in the hidden <c>shown</c> input.</summary>
    public IEnumerable<string> Names => Fields.SelectMany(NamesOf);

    public bool HasGroup => Fields.Any(f => f.Field.Type == FieldType.Group);

    private static IEnumerable<string> NamesOf(FieldView view) =>
        (view.Field.HasAnswer ? [view.Name] : Array.Empty<string>()).Concat(view.Items.SelectMany(i => i.Fields.SelectMany(NamesOf)));

    private FieldView View(FieldDefinition field, string name, bool inItem)
    {
        if (field.Type != FieldType.Group) return new FieldView(field, name, this) { InItem = inItem };
        var stored = Answers[field.Id] as JsonArray ?? [];
        // A group that must have an item starts with one to fill in; an optional one starts with the "Add" button.
        var count = stored.Count == 0 && (field.Required || field.MinItems > 0) ? 1 : stored.Count;
        var items = Enumerable.Range(0, count).Select(i =>
        {
            var item = i < stored.Count ? stored[i] as JsonObject ?? [] : [];
            var children = field.Fields.Where(c => c.Type != FieldType.Group && FormRules.IsShown(c, Answers, Journey.Today, item))
                .Select(c => View(c, FieldNames.Item(name, i, c.Id), inItem: true)).ToList();
            return new ItemView(i, children);
        }).ToList();
        return new FieldView(field, name, this) { Items = items, InItem = inItem };
    }

    /// <summary>Writes saved answers into the boxes, for a page shown fresh.</summary>
    public static FieldInputs InputsFor(PageDefinition page, JsonObject answers)
    {
        var inputs = new FieldInputs();
        foreach (var field in page.Fields) FieldReaders.For(field.Type)?.Write(answers[field.Id], inputs, field.Id, field);
        return inputs;
    }

    /// <summary>
    /// The draft's answers with this page's posted fields read in. Only the fields the page showed (its hidden
    /// <c>shown</c> list) are read, so a field the person never saw keeps its answer; files are left to the upload pages.
    /// </summary>
    public static JsonObject Merge(JsonObject answers, PageDefinition page, FieldInputs inputs, IReadOnlySet<string> shown)
    {
        var merged = answers.DeepClone().AsObject();
        foreach (var field in page.Fields.Where(f => f.HasAnswer && f.Type != FieldType.File && shown.Contains(f.Id)))
        {
            var value = FieldReaders.For(field.Type)?.Read(inputs, field.Id, field);
            if (field.Type == FieldType.Group && value is JsonArray items) KeepFiles(field, answers[field.Id] as JsonArray, items);
            if (value is null) merged.Remove(field.Id);
            else merged[field.Id] = value;
        }
        return merged;
    }

    private static void KeepFiles(FieldDefinition group, JsonArray? before, JsonArray after)
    {
        if (before is null) return;
        for (var i = 0; i < Math.Min(before.Count, after.Count); i++)
        {
            foreach (var file in group.Fields.Where(c => c.Type == FieldType.File))
            {
                if (before[i] is JsonObject old && old[file.Id] is { } files && after[i] is JsonObject item) item[file.Id] = files.DeepClone();
            }
        }
    }

    /// <summary>Whether the answer at an input name (<c>id</c> or <c>group.0.child</c>) is there.</summary>
    public static bool IsAnswered(JsonObject answers, string name)
    {
        var parts = name.Split('.');
        if (parts.Length != 3) return AnswerValues.IsAnswered(answers[name]);
        return answers[parts[0]] is JsonArray items && int.TryParse(parts[1], out var i) && i < items.Count
            && items[i] is JsonObject item && AnswerValues.IsAnswered(item[parts[2]]);
    }

    /// <summary>Error kinds that only say something is missing: saving for later does not mind them.</summary>
    public static readonly IReadOnlySet<string> Incomplete = new HashSet<string> { "required", "requiredChoice", "tooFewItems", "tooFewSelected", "declaration", "rule" };

    /// <summary>The element an error summary link should land on for an error at a path.</summary>
    public string AnchorFor(FieldError error) => Locked.Contains(error.Path) ? FieldNames.Id(error.Path) :
        Anchor(Journey.Definition, error, groupCanAdd: Fields.FirstOrDefault(f => f.Name == error.Path) is not { CanAddItem: false });

    /// <summary>
    /// The id of the element for an error: the field's input, a date's day box, the address box at fault, or a
    /// group's "Add" button (when it is there) for a group that needs items.
    /// </summary>
    public static string Anchor(FormDefinition definition, FieldError error, bool groupCanAdd = true)
    {
        var id = FieldNames.Id(error.Path);
        var parts = error.Path.Split('.');
        var field = definition.Field(parts[0]);
        if (parts.Length == 3) field = field?.Fields.FirstOrDefault(c => c.Id == parts[2]);
        return field?.Type switch
        {
            FieldType.Date => id + "-day",
            FieldType.Address => id + (error.Kind == "addressDistrict" ? "-district" : error.Kind == "addressStreet" ? "-building" : "-flat"),
            FieldType.Group when groupCanAdd => id + "-add",
            _ => id,
        };
    }

    public void Show(IEnumerable<FieldError> errors, Platform.Localisation.Text text)
    {
        foreach (var error in errors) Errors.TryAdd(error.Path, new ShownError(error, ErrorMessages.Describe(error, Journey.Definition, text, Language)));
    }
}
