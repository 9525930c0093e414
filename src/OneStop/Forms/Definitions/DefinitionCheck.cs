using System.Text.RegularExpressions;
using OneStop.Identity.Profile;

namespace OneStop.Forms.Definitions;

/// <summary>
/// A mistake in a definition, with where it is (a JSON-path-like location) so the author can find it, as a code
/// the pages word in the author's language (<c>forms.check.{Code}</c> with <see cref="Arguments"/>).
/// </summary>
public sealed record DefinitionProblem(string Where, string Code, params string[] Arguments)
{
    // The command line and the API report in English; the strings are the ones the pages use.
    private static readonly Lazy<Platform.Localisation.Text> Strings = new(() => new Platform.Localisation.Text());

    public string Key => "forms.check." + Code;

    /// <summary>In English, for the command line, the API and logs of the import.</summary>
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Strings.Value.Get(Platform.Localisation.Language.En, Key), Arguments);

    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>
/// Everything the JSON Schema cannot say: unique ids, conditions that only look back, limits that make
/// sense, translations present, prefill types that fit. The editor, the upload, the importer and
/// publishing all run it; a definition with problems is never published.
/// </summary>
public static partial class DefinitionCheck
{
    private delegate void Report(string where, string code, params string[] arguments);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex FormId();
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")] private static partial Regex FieldId();

    public static readonly IReadOnlySet<string> ErrorKinds = new HashSet<string>
    {
        "required", "requiredChoice", "tooShort", "tooLong", "pattern", "email", "phoneHk", "phoneInternational", "phoneAny",
        "hkid", "notNumber", "notWholeNumber", "money", "tooSmall", "tooLarge", "notDate", "dateTooEarly", "dateTooLate",
        "notOption", "tooFewSelected", "tooManySelected", "addressDistrict", "addressStreet", "tooManyFiles", "declaration",
        "tooFewItems", "tooManyItems",
    };

    /// <summary>Steps of the journey at /applications/{draft}/{step}, which a page id would hide.</summary>
    public static readonly IReadOnlySet<string> ReservedPageIds = new HashSet<string> { "check", "sent", "delete", "prefill", "sign", "files", "resume" };

    private static readonly Dictionary<string, FieldType[]> PrefillTypes = new()
    {
        [ProfileFields.NameEnglish] = [FieldType.Text], [ProfileFields.NameChinese] = [FieldType.Text],
        [ProfileFields.IdentityCard] = [FieldType.HongKongId], [ProfileFields.DateOfBirth] = [FieldType.Date],
        [ProfileFields.Sex] = [FieldType.Radios, FieldType.Select], [ProfileFields.Phone] = [FieldType.Phone],
        [ProfileFields.Email] = [FieldType.Email], [ProfileFields.ResidentialAddress] = [FieldType.Address],
        [ProfileFields.CorrespondenceAddress] = [FieldType.Address],
    };

    public static List<DefinitionProblem> Check(FormDefinition form, IReadOnlySet<string> fileTypes)
    {
        var problems = new List<DefinitionProblem>();
        void Problem(string where, string code, params string[] arguments) => problems.Add(new(where, code, arguments));
        if (!FormId().IsMatch(form.Id) || form.Id.Length > 100) Problem("id", "formId");
        if (string.IsNullOrWhiteSpace(form.Department)) Problem("department", "noDepartment");
        Words(form.Title, "title", Problem, required: true);
        Words(form.Description, "description", Problem);
        if (form.Pages.Count == 0) Problem("pages", "noPages");
        if (form.MaxTotalUploadBytes is <= 0) Problem("maxTotalUploadBytes", "notPositive");

        var asked = new Dictionary<string, FieldDefinition>(); // answerable fields seen so far, in form order
        var pageIds = new HashSet<string>();
        var fieldIds = new HashSet<string>();
        for (var p = 0; p < form.Pages.Count; p++)
        {
            var page = form.Pages[p];
            var at = $"pages[{p}]";
            if (!FieldId().IsMatch(page.Id)) Problem($"{at}.id", "badId");
            if (!pageIds.Add(page.Id)) Problem($"{at}.id", "duplicatePage", page.Id);
            if (ReservedPageIds.Contains(page.Id)) Problem($"{at}.id", "reservedPage", page.Id);
            Words(page.Title, $"{at}.title", Problem, required: true);
            if (page.Fields.Count == 0) Problem($"{at}.fields", "emptyPage");
            Looks(page.ShowIf, $"{at}.showIf", asked, null, Problem);
            for (var f = 0; f < page.Fields.Count; f++)
            {
                var field = page.Fields[f];
                var fieldAt = $"{at}.fields[{f}]";
                Looks(field.ShowIf, $"{fieldAt}.showIf", asked, null, Problem);
                CheckField(field, fieldAt, fileTypes, Problem, nested: false);
                if (!fieldIds.Add(field.Id))
                    Problem($"{fieldAt}.id", "duplicateField", field.Id);
                if (field.Type == FieldType.Group) CheckGroup(field, fieldAt, asked, fileTypes, Problem);
                if (field.HasAnswer) asked.TryAdd(field.Id, field);
            }
        }

        var ruleIds = new HashSet<string>();
        for (var r = 0; r < form.Rules.Count; r++)
        {
            var rule = form.Rules[r];
            var at = $"rules[{r}]";
            if (!ruleIds.Add(rule.Id)) Problem($"{at}.id", "duplicateRule", rule.Id);
            if (!asked.ContainsKey(rule.Field)) Problem($"{at}.field", "ruleField", rule.Field);
            Looks(rule.When, $"{at}.when", asked, null, Problem);
            Looks(rule.Assert, $"{at}.assert", asked, null, Problem);
            Words(rule.Message, $"{at}.message", Problem, required: true);
        }
        return problems;
    }

    private static void CheckGroup(FieldDefinition group, string at, Dictionary<string, FieldDefinition> asked, IReadOnlySet<string> fileTypes, Report problem)
    {
        if (group.Fields.Count == 0) problem($"{at}.fields", "emptyGroup");
        if (group.MaxItems is not (>= 1 and <= 100)) problem($"{at}.maxItems", "groupMax");
        if (group.MinItems < 0 || group.MinItems > group.MaxItems) problem($"{at}.minItems", "groupMin");
        var siblings = new Dictionary<string, FieldDefinition>();
        for (var c = 0; c < group.Fields.Count; c++)
        {
            var child = group.Fields[c];
            var childAt = $"{at}.fields[{c}]";
            if (child.Type is FieldType.Group or FieldType.File or FieldType.Declaration) problem($"{childAt}.type", "groupNesting");
            Looks(child.ShowIf, $"{childAt}.showIf", asked, siblings, problem);
            CheckField(child, childAt, fileTypes, problem, nested: true);
            if (child.HasAnswer && !siblings.TryAdd(child.Id, child)) problem($"{childAt}.id", "duplicateGroupField", child.Id);
        }
    }

    private static void CheckField(FieldDefinition field, string at, IReadOnlySet<string> fileTypes, Report problem, bool nested)
    {
        if (!FieldId().IsMatch(field.Id)) problem($"{at}.id", "badId");
        Words(field.Label, $"{at}.label", problem, required: true);
        Words(field.Hint, $"{at}.hint", problem);
        Words(field.ItemLabel, $"{at}.itemLabel", problem);
        var choosing = field.Type is FieldType.Radios or FieldType.Checkboxes or FieldType.Select;
        if (choosing && field.Options.Count == 0) problem($"{at}.options", "noOptions");
        if (!choosing && field.Options.Count > 0) problem($"{at}.options", "optionsNotAllowed", Name(field.Type));
        if (field.Options.GroupBy(o => o.Value).FirstOrDefault(g => g.Count() > 1) is { } twice) problem($"{at}.options", "duplicateOption", twice.Key);
        for (var o = 0; o < field.Options.Count; o++)
        {
            Words(field.Options[o].Label, $"{at}.options[{o}].label", problem, required: true);
            Words(field.Options[o].Hint, $"{at}.options[{o}].hint", problem);
            if (string.IsNullOrWhiteSpace(field.Options[o].Value)) problem($"{at}.options[{o}].value", "optionValue");
        }
        if (field.MinLength < 0 || field.MaxLength < 1 || field.MinLength > field.MaxLength) problem($"{at}.maxLength", "lengths");
        if (field.Min > field.Max) problem($"{at}.min", "minMax");
        if (field.MinSelected < 0 || field.MinSelected > field.MaxSelected || field.MaxSelected > field.Options.Count) problem($"{at}.maxSelected", "selection");
        if (field.Pattern is { } pattern && !Compiles(pattern)) problem($"{at}.pattern", "pattern");
        foreach (var (bound, name) in new[] { (field.NotBefore, "notBefore"), (field.NotAfter, "notAfter") })
        {
            if (bound is not null && (field.Type != FieldType.Date || DateBound.Resolve(bound, new DateOnly(2000, 1, 1)) is null))
                problem($"{at}.{name}", "dateBound");
        }
        if (field.PhoneRegion is not (null or "hk" or "international" or "any")) problem($"{at}.phoneRegion", "phoneRegion");
        if (field.Type == FieldType.File)
        {
            if (field.Accept.Count == 0) problem($"{at}.accept", "noAccept", string.Join(", ", fileTypes.Order()));
            foreach (var type in field.Accept.Where(t => !fileTypes.Contains(t))) problem($"{at}.accept", "unknownFileType", type, string.Join(", ", fileTypes.Order()));
            if (field.MaxBytes is <= 0) problem($"{at}.maxBytes", "notPositive");
            if (field.MaxFiles is < 1 or > 20) problem($"{at}.maxFiles", "maxFiles");
        }
        if (field.Signature && field.Type != FieldType.Declaration) problem($"{at}.signature", "signatureOnlyDeclaration");
        if (field.Prefill is { } prefill)
        {
            if (nested) problem($"{at}.prefill", "prefillInGroup");
            else if (!PrefillTypes.TryGetValue(prefill, out var types)) problem($"{at}.prefill", "unknownPrefill", prefill, string.Join(", ", PrefillTypes.Keys));
            else if (!types.Contains(field.Type)) problem($"{at}.prefill", "prefillType", prefill, Name(field.Type));
        }
        if (field.LockVerified && field.Prefill is null) problem($"{at}.lockVerified", "lockWithoutPrefill");
        foreach (var (kind, words) in field.Errors)
        {
            if (!ErrorKinds.Contains(kind)) problem($"{at}.errors.{kind}", "unknownErrorKind", string.Join(", ", ErrorKinds));
            Words(words, $"{at}.errors.{kind}", problem, required: true);
        }
    }

    /// <summary>A condition may only read answerable fields asked before it (in its group item, or earlier in the form).</summary>
    private static void Looks(Condition? condition, string at, Dictionary<string, FieldDefinition> asked, Dictionary<string, FieldDefinition>? siblings, Report problem)
    {
        foreach (var id in condition?.Fields() ?? [])
        {
            if (siblings?.ContainsKey(id) != true && !asked.ContainsKey(id))
                problem(at, "conditionField", id);
        }
    }

    private static void Words(Words? words, string at, Report problem, bool required = false)
    {
        if (words is null)
        {
            if (required) problem(at, "noWords");
            return;
        }
        if (string.IsNullOrWhiteSpace(words.En)) problem($"{at}.en", "missingEn");
        if (string.IsNullOrWhiteSpace(words.ZhHk)) problem($"{at}.zh-HK", "missingZhHk");
        if (string.IsNullOrWhiteSpace(words.ZhCn)) problem($"{at}.zh-CN", "missingZhCn");
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Name(FieldType type) => System.Text.Json.JsonSerializer.Serialize(type).Trim('"');
}
