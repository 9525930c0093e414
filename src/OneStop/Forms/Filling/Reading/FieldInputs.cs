using Microsoft.Extensions.Primitives;

namespace OneStop.Forms.Filling.Reading;

/// <summary>
/// What the boxes on a question page hold, by input name: what the person typed after a post (so an error
/// shows it back exactly, "twelve" and all), or the saved answers written back into boxes on a GET.
/// Names: <c>id</c>, <c>id.day</c>, <c>id.district</c>, <c>group.0.child</c>, <c>group.items</c>.
/// </summary>
public sealed class FieldInputs
{
    private readonly Dictionary<string, StringValues> _values = new(StringComparer.Ordinal);

    public static FieldInputs From(IFormCollection form)
    {
        var inputs = new FieldInputs();
        foreach (var (name, values) in form) inputs._values[name] = values;
        return inputs;
    }

    public string Text(string name) => _values.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? "" : "";

    public IReadOnlyList<string> All(string name) =>
        _values.TryGetValue(name, out var values) ? values.Where(v => v is not null).Select(v => v!).ToList() : [];

    public void Set(string name, string? value)
    {
        if (value is null) _values.Remove(name);
        else _values[name] = value;
    }

    public void Set(string name, IEnumerable<string> values) => _values[name] = new StringValues(values.ToArray());
}

/// <summary>Input names and element ids. Field ids are letters, digits and _, so "." and "-" are free as separators.</summary>
public static class FieldNames
{
    public static string Item(string group, int index, string child) => $"{group}.{index}.{child}";

    /// <summary>An element id for an input name: dots become hyphens (ids with dots trip CSS selectors).</summary>
    public static string Id(string name) => name.Replace('.', '-');
}
