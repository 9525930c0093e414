using System.Globalization;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Answers;

/// <summary>Puts a <see cref="FieldError"/> into words in a language: the department's own wording when the form has it, else OneStop's.</summary>
public static class ErrorMessages
{
    public static string Describe(FieldError error, FormDefinition form, Text text, Language language)
    {
        if (error.Custom is { } custom) return custom[language];
        var label = LabelOf(error.Path, form)?[language] ?? error.Path;
        var culture = language.Culture();
        var args = new object[] { label }.Concat(error.Args.Select(a => a is DateOnly d ? Dates.Long(d, language) : a)).ToArray();
        return string.Format(culture, text.Get(language, "forms.error." + error.Kind), args);
    }

    /// <summary>The label of the field at a path: <c>id</c> or <c>group.2.child</c>.</summary>
    public static Words? LabelOf(string path, FormDefinition form)
    {
        var parts = path.Split('.');
        var field = form.Field(parts[0]);
        if (parts.Length == 3 && field is not null) field = field.Fields.FirstOrDefault(f => f.Id == parts[2]);
        return field?.Label;
    }
}

/// <summary>Dates as people in each language write them: 27 November 2026, 2026年11月27日.</summary>
public static class Dates
{
    public static string Long(DateOnly date, Language language) => language == Language.En
        ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{date.Year}年{date.Month}月{date.Day}日";
}
