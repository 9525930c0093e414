using System.Globalization;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

public sealed class OptionRow
{
    public string? Value { get; set; }
    public string? LabelEn { get; set; }
    public string? LabelZhHk { get; set; }
    public string? LabelZhCn { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(LabelEn) && string.IsNullOrWhiteSpace(LabelZhHk) && string.IsNullOrWhiteSpace(LabelZhCn);
}

public sealed class ErrorRow
{
    public string? Kind { get; set; }
    public string? En { get; set; }
    public string? ZhHk { get; set; }
    public string? ZhCn { get; set; }
}

/// <summary>
/// A field's edit form, bound without a prefix. Numbers are kept as typed text so a mistake is shown
/// back as typed; <see cref="ToField"/> turns it into a definition, keeping what the form does not show
/// (a group's children, option hints) from the field it edits.
/// </summary>
public sealed class FieldForm
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? LabelEn { get; set; }
    public string? LabelZhHk { get; set; }
    public string? LabelZhCn { get; set; }
    public string? HintEn { get; set; }
    public string? HintZhHk { get; set; }
    public string? HintZhCn { get; set; }
    public bool Required { get; set; }
    public string? MinLength { get; set; }
    public string? MaxLength { get; set; }
    public string? Pattern { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? NotBefore { get; set; }
    public string? NotAfter { get; set; }
    public string? PhoneRegion { get; set; }
    public string? MinSelected { get; set; }
    public string? MaxSelected { get; set; }
    public List<string> Accept { get; set; } = [];
    public string? MaxBytes { get; set; }
    public string? MaxFiles { get; set; }
    public bool Signature { get; set; }
    public string? MinItems { get; set; }
    public string? MaxItems { get; set; }
    public string? ItemLabelEn { get; set; }
    public string? ItemLabelZhHk { get; set; }
    public string? ItemLabelZhCn { get; set; }
    public string? Prefill { get; set; }
    public bool LockVerified { get; set; }
    public List<OptionRow> Options { get; set; } = [];
    public List<ErrorRow> Errors { get; set; } = [];

    /// <summary>Profile fields a form may be filled from (DefinitionCheck says which types each fits).</summary>
    public static readonly string[] PrefillFields =
    [
        ProfileFields.NameEnglish, ProfileFields.NameChinese, ProfileFields.IdentityCard, ProfileFields.DateOfBirth, ProfileFields.Sex,
        ProfileFields.Phone, ProfileFields.Email, ProfileFields.ResidentialAddress, ProfileFields.CorrespondenceAddress,
    ];

    public static FieldForm From(FieldDefinition f) => new()
    {
        Id = f.Id,
        Type = TypeName(f.Type),
        LabelEn = f.Label?.En, LabelZhHk = f.Label?.ZhHk, LabelZhCn = f.Label?.ZhCn,
        HintEn = f.Hint?.En, HintZhHk = f.Hint?.ZhHk, HintZhCn = f.Hint?.ZhCn,
        Required = f.Required,
        MinLength = Text(f.MinLength), MaxLength = Text(f.MaxLength), Pattern = f.Pattern,
        Min = f.Min?.ToString(CultureInfo.InvariantCulture), Max = f.Max?.ToString(CultureInfo.InvariantCulture),
        NotBefore = f.NotBefore, NotAfter = f.NotAfter, PhoneRegion = f.PhoneRegion,
        MinSelected = Text(f.MinSelected), MaxSelected = Text(f.MaxSelected),
        Accept = f.Accept.ToList(), MaxBytes = f.MaxBytes?.ToString(CultureInfo.InvariantCulture), MaxFiles = Text(f.MaxFiles),
        Signature = f.Signature,
        MinItems = Text(f.MinItems), MaxItems = Text(f.MaxItems),
        ItemLabelEn = f.ItemLabel?.En, ItemLabelZhHk = f.ItemLabel?.ZhHk, ItemLabelZhCn = f.ItemLabel?.ZhCn,
        Prefill = f.Prefill, LockVerified = f.LockVerified,
        Options = f.Options.Select(o => new OptionRow { Value = o.Value, LabelEn = o.Label.En, LabelZhHk = o.Label.ZhHk, LabelZhCn = o.Label.ZhCn }).ToList(),
        Errors = f.Errors.Select(e => new ErrorRow { Kind = e.Key, En = e.Value.En, ZhHk = e.Value.ZhHk, ZhCn = e.Value.ZhCn }).ToList(),
    };

    /// <summary>Room to add one more option and one more error message without JavaScript.</summary>
    public FieldForm WithBlankRows()
    {
        Options.RemoveAll(o => o.IsBlank);
        if (Shows(Property.Options)) Options.Add(new OptionRow());
        Errors.RemoveAll(e => string.IsNullOrEmpty(e.Kind));
        Errors.Add(new ErrorRow());
        return this;
    }

    /// <summary>Applies a list button (<c>option-up:2</c>, <c>option-down:2</c>, <c>option-remove:2</c>) before saving.</summary>
    public void Apply(string? action)
    {
        if (action?.Split(':') is not [var verb, var index] || !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= Options.Count) return;
        var row = Options[i];
        switch (verb)
        {
            case "option-remove": Options.RemoveAt(i); break;
            case "option-up" when i > 0: (Options[i - 1], Options[i]) = (row, Options[i - 1]); break;
            case "option-down" when i + 1 < Options.Count: (Options[i + 1], Options[i]) = (row, Options[i + 1]); break;
        }
    }

    public enum Property { Required, Lengths, Pattern, Numbers, Dates, PhoneRegion, Options, Selected, Files, Signature, Group, Prefill, Errors }

    public FieldType? ParsedType => ParseType(Type);

    /// <summary>Whether a property applies to this field's type (and, for prefill, to a field outside a group).</summary>
    public bool Shows(Property property, bool nested = false) => ParsedType is { } t && property switch
    {
        Property.Required or Property.Errors => t is not (FieldType.Guidance or FieldType.Heading),
        Property.Lengths or Property.Pattern => t is FieldType.Text or FieldType.TextArea
            or FieldType.Email or FieldType.Phone,
        Property.Numbers => t is FieldType.Number or FieldType.Decimal or FieldType.Money,
        Property.Dates => t == FieldType.Date,
        Property.PhoneRegion => t == FieldType.Phone,
        Property.Options => t is FieldType.Radios or FieldType.Checkboxes or FieldType.Select,
        Property.Selected => t == FieldType.Checkboxes,
        Property.Files => t == FieldType.File,
        Property.Signature => t == FieldType.Declaration,
        Property.Group => t == FieldType.Group,
        Property.Prefill => !nested && t is FieldType.Text or FieldType.HongKongId
            or FieldType.Date or FieldType.Radios or FieldType.Select
            or FieldType.Phone or FieldType.Email or FieldType.Address,
        _ => false,
    };

    /// <summary>
    /// The field typed, or the input errors (field name, string key, argument) that stop it being saved: ids
    /// and numbers that do not read. Everything else DefinitionCheck judges once it is saved.
    /// </summary>
    public FieldDefinition? ToField(FieldDefinition existing, Condition? showIf, bool nested, List<(string Field, string Key, object? Argument)> errors)
    {
        var id = (Id ?? "").Trim();
        if (!ItemId().IsMatch(id)) errors.Add((nameof(Id), "office.forms.error.itemId", null));
        if (ParsedType is not { } type)
        {
            errors.Add((nameof(Type), "office.forms.error.type", null));
            return null;
        }
        int? Int(string name, string? text, bool applies) => applies ? ParseInt(name, text, errors) : null;
        var lengths = Shows(Property.Lengths);
        var numbers = Shows(Property.Numbers);
        var files = Shows(Property.Files);
        var group = Shows(Property.Group);
        var field = existing with
        {
            Id = id,
            Type = type,
            Label = WordsOf(LabelEn, LabelZhHk, LabelZhCn),
            Hint = WordsOf(HintEn, HintZhHk, HintZhCn),
            Required = Shows(Property.Required) && Required,
            ShowIf = showIf,
            MinLength = Int(nameof(MinLength), MinLength, lengths),
            MaxLength = Int(nameof(MaxLength), MaxLength, lengths),
            Pattern = Shows(Property.Pattern) && !string.IsNullOrWhiteSpace(Pattern) ? Pattern.Trim() : null,
            Min = numbers ? ParseDecimal(nameof(Min), Min, errors) : null,
            Max = numbers ? ParseDecimal(nameof(Max), Max, errors) : null,
            NotBefore = Shows(Property.Dates) ? Blank(NotBefore) : null,
            NotAfter = Shows(Property.Dates) ? Blank(NotAfter) : null,
            PhoneRegion = Shows(Property.PhoneRegion) ? Blank(PhoneRegion) : null,
            MinSelected = Int(nameof(MinSelected), MinSelected, Shows(Property.Selected)),
            MaxSelected = Int(nameof(MaxSelected), MaxSelected, Shows(Property.Selected)),
            Options = Shows(Property.Options) ? OptionsOf(existing) : [],
            Accept = files ? Accept.Where(a => a.Length > 0).Distinct().ToList() : [],
            MaxBytes = files ? ParseLong(nameof(MaxBytes), MaxBytes, errors) : null,
            MaxFiles = Int(nameof(MaxFiles), MaxFiles, files),
            Signature = Shows(Property.Signature) && Signature,
            Fields = group ? existing.Fields : [],
            MinItems = Int(nameof(MinItems), MinItems, group),
            MaxItems = Int(nameof(MaxItems), MaxItems, group),
            ItemLabel = group ? WordsOf(ItemLabelEn, ItemLabelZhHk, ItemLabelZhCn) : null,
            Prefill = Shows(Property.Prefill, nested) ? Blank(Prefill) : null,
            LockVerified = Shows(Property.Prefill, nested) && LockVerified,
            Errors = Shows(Property.Errors) ? ErrorsOf() : new Dictionary<string, Words>(),
        };
        return errors.Count == 0 ? field : null;
    }

    private List<OptionDefinition> OptionsOf(FieldDefinition existing) =>
        Options.Where(o => !o.IsBlank).Select(o => new OptionDefinition
        {
            Value = (o.Value ?? "").Trim(),
            Label = WordsOf(o.LabelEn, o.LabelZhHk, o.LabelZhCn) ?? new Words { En = "", ZhHk = "", ZhCn = "" },
            // Hints are not on this form; an option keeps its hint while its value stays the same.
            Hint = existing.Options.FirstOrDefault(e => e.Value == (o.Value ?? "").Trim())?.Hint,
        }).ToList();

    private Dictionary<string, Words> ErrorsOf()
    {
        var errors = new Dictionary<string, Words>();
        foreach (var row in Errors.Where(e => !string.IsNullOrEmpty(e.Kind)))
            errors[row.Kind!] = WordsOf(row.En, row.ZhHk, row.ZhCn) ?? new Words { En = "", ZhHk = "", ZhCn = "" };
        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static int? ParseInt(string name, string? text, List<(string, string, object?)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add((name, "office.forms.error.wholeNumber", null));
        return null;
    }

    private static long? ParseLong(string name, string? text, List<(string, string, object?)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add((name, "office.forms.error.wholeNumber", null));
        return null;
    }

    private static decimal? ParseDecimal(string name, string? text, List<(string, string, object?)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add((name, "office.forms.error.number", null));
        return null;
    }
}
