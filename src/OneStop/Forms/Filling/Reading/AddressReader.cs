using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;

namespace OneStop.Forms.Filling.Reading;

/// <summary>A Hong Kong address in its own order, smallest part first, and a district chosen from the list.</summary>
public sealed class AddressReader : IFieldReader
{
    public static readonly IReadOnlyList<string> Parts = ["flat", "floor", "block", "building", "estate", "street", "district"];

    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field)
    {
        var address = new JsonObject();
        foreach (var part in Parts)
        {
            if (FieldReaders.OrNull(inputs.Text($"{name}.{part}")) is { } value) address[part] = value;
        }
        return address.Count == 0 ? null : address;
    }

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field)
    {
        if (value is not JsonObject address) return;
        foreach (var part in Parts) inputs.Set($"{name}.{part}", AnswerValues.AsString(address[part]));
    }
}
