using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace OneStop.Tests.Forms.Engine;

/// <summary>
/// Deep equality for definitions: records compare their lists by reference, so this walks public properties,
/// lists item by item, dictionaries by key, and JSON operands with JsonNode.DeepEquals. Returns where they differ.
/// </summary>
public static class Structural
{
    public static string? Difference(object? a, object? b, string at = "$")
    {
        if (a is null || b is null) return a is null && b is null ? null : $"{at}: {a ?? "null"} vs {b ?? "null"}";
        if (a is JsonNode || b is JsonNode) return JsonNode.DeepEquals(a as JsonNode, b as JsonNode) ? null : $"{at}: {a} vs {b}";
        var type = a.GetType();
        if (type != b.GetType() && !(a is IEnumerable && b is IEnumerable)) return $"{at}: {type.Name} vs {b.GetType().Name}";
        if (a is string || type.IsPrimitive || type.IsEnum || a is decimal) return Equals(a, b) ? null : $"{at}: {a} vs {b}";
        if (a is IDictionary da && b is IDictionary db)
        {
            if (da.Count != db.Count) return $"{at}: {da.Count} entries vs {db.Count}";
            foreach (DictionaryEntry e in da)
            {
                if (!db.Contains(e.Key)) return $"{at}.{e.Key}: missing";
                if (Difference(e.Value, db[e.Key], $"{at}.{e.Key}") is { } d) return d;
            }
            return null;
        }
        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count) return $"{at}: {la.Count} items vs {lb.Count}";
            for (var i = 0; i < la.Count; i++)
            {
                if (Difference(la[i], lb[i], $"{at}[{i}]") is { } d) return d;
            }
            return null;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.Name is "EqualityContract" or "Current" or "AllFields") continue;
            if (Difference(property.GetValue(a), property.GetValue(b), $"{at}.{property.Name}") is { } d) return d;
        }
        return null;
    }
}
