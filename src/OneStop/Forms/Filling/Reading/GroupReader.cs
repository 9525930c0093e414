using System.Globalization;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;

namespace OneStop.Forms.Filling.Reading;

/// <summary>
/// A repeating group: <c>group.items</c> says how many items the page showed, and each item's fields are
/// named <c>group.0.child</c>. An item with nothing typed stays as an empty item, so its required fields
/// say what is missing (the person removes an item they do not want).
/// </summary>
public sealed class GroupReader : IFieldReader
{
    /// <summary>Items a group may have when its definition sets no maximum.</summary>
    public const int DefaultMaxItems = 50;

    public static int MaxItems(FieldDefinition group) => group.MaxItems ?? DefaultMaxItems;

    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field)
    {
        if (!int.TryParse(inputs.Text(name + ".items"), NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return null;
        count = Math.Clamp(count, 0, MaxItems(field));
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var item = new JsonObject();
            foreach (var child in field.Fields)
            {
                if (child.Type == FieldType.Group || FieldReaders.For(child.Type) is not { } reader) continue;
                if (reader.Read(inputs, FieldNames.Item(name, i, child.Id), child) is { } value) item[child.Id] = value;
            }
            items.Add(item);
        }
        return items.Count == 0 ? null : items;
    }

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field)
    {
        var items = value as JsonArray ?? [];
        inputs.Set(name + ".items", items.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item) continue;
            foreach (var child in field.Fields)
            {
                if (child.Type != FieldType.Group) FieldReaders.For(child.Type)?.Write(item[child.Id], inputs, FieldNames.Item(name, i, child.Id), child);
            }
        }
    }
}
