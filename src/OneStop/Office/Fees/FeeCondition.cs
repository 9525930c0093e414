using System.Globalization;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using OneStop.Office.Forms;
using OneStop.Payments.Fees;

namespace OneStop.Office.Fees;

/// <summary>
/// The condition of an item or a concession as the editor shows it: the form editor's builder (tests of answers
/// combined with all or any) and JSON, plus, for a concession, "aged at least N" (<c>profile.age</c>). An item may
/// have no condition (always charged); a concession must have one.
/// </summary>
public sealed class FeeCondition
{
    public const string Age = "age";

    public required ConditionInput Input { get; init; }
    public bool ForConcession { get; init; }
    public string? AgeAtLeast { get; set; }

    public string[] Modes => ForConcession ? [Age, ConditionInput.Builder, ConditionInput.Json] : [ConditionInput.None, ConditionInput.Builder, ConditionInput.Json];

    /// <summary>The payer's age as a question the builder can test, for concessions.</summary>
    public static readonly FieldDefinition AgeQuestion = new() { Id = FeeRules.ProfileAge, Type = FieldType.Number };

    public static FeeCondition From(string prefix, Condition? condition, bool forConcession)
    {
        if (forConcession && condition is FieldCondition { Field: FeeRules.ProfileAge, Comparison: Comparison.AtLeast, OtherField: null, Operand: JsonValue age }
            && age.TryGetValue<int>(out var years))
        {
            var input = ConditionInput.From(prefix, null);
            input.Mode = Age;
            return new FeeCondition { Input = input, ForConcession = true, AgeAtLeast = years.ToString(CultureInfo.InvariantCulture) };
        }
        var from = ConditionInput.From(prefix, condition);
        if (forConcession && from.Mode == ConditionInput.None) from.Mode = Age;
        return new FeeCondition { Input = from, ForConcession = forConcession, AgeAtLeast = forConcession && condition is null ? "65" : null };
    }

    public static FeeCondition Read(IFormCollection form, string prefix, bool forConcession)
    {
        var input = ConditionInput.Read(form, prefix);
        if (forConcession && form[prefix + "Mode"] == Age) input.Mode = Age;
        return new FeeCondition { Input = input, ForConcession = forConcession, AgeAtLeast = form[prefix + "Age"].ToString().Trim() };
    }

    /// <summary>The condition chosen (null for none), or an error (a string key and argument).</summary>
    public Condition? ToCondition(Func<string, FieldDefinition?> field, out (string Key, string? Argument)? error)
    {
        if (Input.Mode == Age)
        {
            error = null;
            if (int.TryParse(AgeAtLeast, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is > 0 and <= 150)
                return new FieldCondition(FeeRules.ProfileAge, Comparison.AtLeast, JsonValue.Create(years));
            error = ("office.fees.error.age", null);
            return null;
        }
        return Input.ToCondition(id => id == FeeRules.ProfileAge ? AgeQuestion : field(id), out error);
    }
}

/// <summary>What the condition partial needs: the input, its legend, the questions it may test, and an error.</summary>
public sealed record FeeConditionView(FeeCondition Condition, string Legend, IReadOnlyList<FieldDefinition> Fields, string? Error);
