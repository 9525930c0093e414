using OneStop.Forms.Definitions;

namespace OneStop.Tests.Forms.Engine;

/// <summary>The demo forms as the app embeds them (Forms/Demo/*.json), by resource name.</summary>
public static class DemoDefinitions
{
    public static IReadOnlyList<(string Name, string Json)> All()
    {
        var assembly = typeof(OneStop.Forms.Demo.DemoForms).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("OneStop.Forms.Demo.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order()
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n, reader.ReadToEnd());
            })
            .ToList();
    }

    public static FormDefinition Parse(string json) => DefinitionJson.Parse(json, out var error) ?? throw new InvalidOperationException(error);

    /// <summary>Every field, including those inside repeating groups.</summary>
    public static IEnumerable<FieldDefinition> Deep(FormDefinition form) => form.AllFields.SelectMany(f => f.Fields.Prepend(f));
}
