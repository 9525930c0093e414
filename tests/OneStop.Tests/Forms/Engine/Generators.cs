using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Engine;

/// <summary>Answers given as JSON texts, so each use builds fresh nodes (a JsonNode belongs to one parent).</summary>
public sealed record AnswerTexts(IReadOnlyList<(string Key, string Json)> Values)
{
    public JsonObject Build() => new(Values.Select(v => KeyValuePair.Create(v.Key, JsonNode.Parse(v.Json))));

    public override string ToString() => "{" + string.Join(",", Values.Select(v => $"\"{v.Key}\":{v.Json}")) + "}";
}

/// <summary>A random condition tree and random answers over the same few fields.</summary>
public sealed record ConditionCase(Condition A, Condition B, AnswerTexts Answers, DateOnly Today)
{
    public ConditionContext Context()
    {
        var answers = Answers.Build();
        return new ConditionContext(id => answers[id], Today);
    }

    public override string ToString() => $"A={Json(A)} B={Json(B)} answers={Answers} today={Today:yyyy-MM-dd}";

    public static string Json(Condition c) => System.Text.Json.JsonSerializer.Serialize(c, DefinitionJson.Options).ReplaceLineEndings(" ");
}

/// <summary>A random form whose conditions only look back (as DefinitionCheck demands), and random answers for it.</summary>
public sealed record FormCase(FormDefinition Form, AnswerTexts Answers)
{
    public override string ToString() => $"form={DefinitionJson.Write(Form).ReplaceLineEndings(" ")} answers={Answers}";
}

/// <summary>A JSON text with objects nested in arrays and objects, and a seed to shuffle its keys with.</summary>
public sealed record JsonCase(string Json, int Seed)
{
    public override string ToString() => $"{Json} seed={Seed}";
}

public static class EngineArbitraries
{
    private static readonly string[] Fields = ["n1", "n2", "d1", "s1", "c1", "b1"];

    /// <summary>Values of every shape an answer or an operand takes, and some it should not.</summary>
    private static readonly string[] Values =
    [
        "\"x\"", "\"y\"", "\"z\"", "\"\"", "\"  \"", "1", "2", "2.0", "0", "-3", "10.25", "true", "false", "null",
        "\"2026-03-15\"", "\"2026-01-01\"", "\"2027-12-31\"", "\"today\"", "\"today-1m\"", "\"today+10d\"", "\"not a date\"",
        "[]", "[\"x\"]", "[\"x\",\"y\"]", "[\"z\",\"y\"]", "{}", "{\"street\":\"Nathan Road\",\"district\":\"yau-tsim-mong\"}",
    ];

    private static readonly Comparison[] Comparisons = Enum.GetValues<Comparison>();

    public static Gen<Condition> Condition(string[] fields, int size)
    {
        var leaf = Leaf(fields);
        if (size <= 1) return leaf;
        var child = Condition(fields, size / 2);
        return Gen.Frequency(
            (3, leaf),
            (1, Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(child, n)).Select(c => (Condition)new AllCondition(c))),
            (1, Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(child, n)).Select(c => (Condition)new AnyCondition(c))),
            (1, child.Select(c => (Condition)new NotCondition(c))));
    }

    private static Gen<Condition> Leaf(string[] fields) =>
        from field in Gen.Elements(fields)
        from comparison in Gen.Elements(Comparisons)
        from reference in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from other in Gen.Elements(fields)
        from operand in Operand(comparison)
        select comparison != Comparison.Answered && reference
            ? (Condition)new FieldCondition(field, comparison, null, other)
            : new FieldCondition(field, comparison, JsonNode.Parse(operand));

    private static Gen<string> Operand(Comparison comparison) => comparison switch
    {
        Comparison.Answered => Gen.Elements("true", "false"),
        Comparison.In => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(Values), n)).Select(v => "[" + string.Join(",", v) + "]"),
        _ => Gen.Elements(Values),
    };

    private static Gen<AnswerTexts> Answers(IEnumerable<string> keys, Gen<string>? group = null) =>
        Gen.CollectToArray(keys.Select(key => Gen.Frequency(
                (1, Gen.Constant<(string, string)?>(null)),
                (3, (key == "g1" && group is not null ? group : Gen.Elements(Values)).Select(v => ((string, string)?)(key, v))))))
            .Select(values => new AnswerTexts(values.OfType<(string, string)>().ToList()));

    private static readonly Gen<DateOnly> Days = Gen.Choose(-800, 800).Select(d => new DateOnly(2026, 3, 15).AddDays(d));

    public static Arbitrary<ConditionCase> Conditions() =>
        Gen.Sized(size =>
            from a in Condition(Fields, Math.Max(size, 2))
            from b in Condition(Fields, Math.Max(size, 2))
            from answers in Answers(Fields)
            from today in Days
            select new ConditionCase(a, b, answers, today)).ToArbitrary();

    /// <summary>Nine fields on three pages (one a repeating group); each page and field may have a condition on what came before.</summary>
    public static Arbitrary<FormCase> Forms() =>
        Gen.Sized(size =>
        {
            var depth = Math.Clamp(size / 10, 1, 4);
            Gen<Condition?> Maybe(string[] before) => before.Length == 0
                ? Gen.Constant<Condition?>(null)
                : Gen.Frequency((1, Gen.Constant<Condition?>(null)), (2, Condition(before, depth).Select(c => (Condition?)c)));
            string[][] pages = [["b1", "n1", "s1"], ["c1", "d1", "t1"], ["n2", "g1", "b2"]];
            var fields = pages.SelectMany(p => p).ToArray();
            return
                from pageConditions in Gen.CollectToArray(Enumerable.Range(0, 3).Select(p => Maybe(fields[..(p * 3)])))
                from fieldConditions in Gen.CollectToArray(fields.Select((_, i) => Maybe(fields[..i])))
                from required in Gen.ArrayOf(Gen.Elements(true, false), fields.Length)
                from childCondition in Condition(["gb"], 1)
                from answers in Answers(fields.Append("zz"), GroupItems)
                select new FormCase(new FormDefinition
                {
                    Id = "td-random", Department = "TD", Title = W("Random"),
                    Pages = pages.Select((ids, p) => new PageDefinition
                    {
                        Id = "p" + p, Title = W("Page " + p), ShowIf = pageConditions[p],
                        Fields = ids.Select(id => Make(id, required[Array.IndexOf(fields, id)], fieldConditions[Array.IndexOf(fields, id)], childCondition)).ToList(),
                    }).ToList(),
                }, answers);
        }).ToArbitrary();

    private static readonly Gen<string> GroupItems =
        Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(
            from gb in Gen.Elements("true", "false", "\"x\"")
            from gt in Gen.Elements("\"Chan\"", "\"\"", "1")
            from extra in Gen.Elements("", ",\"zz\":1")
            from keep in Gen.Choose(0, 3)
            select keep == 0 ? "1" : $"{{\"gb\":{gb},\"gt\":{gt}{extra}}}", n))
        .Select(items => "[" + string.Join(",", items) + "]");

    private static FieldDefinition Make(string id, bool required, Condition? showIf, Condition childCondition)
    {
        var field = id[0] switch
        {
            'b' => Field(id, FieldType.YesNo, required),
            'n' => Field(id, FieldType.Number, required) with { Min = 0, Max = 5 },
            's' => Field(id, FieldType.Radios, required) with { Options = Options("x", "y") },
            'c' => Field(id, FieldType.Checkboxes, required) with { Options = Options("x", "y", "z"), MaxSelected = 2 },
            'd' => Field(id, FieldType.Date, required) with { NotAfter = "today" },
            't' => Field(id, FieldType.Text, required) with { MaxLength = 3 },
            _ => Field(id, FieldType.Group, required) with
            {
                MaxItems = 2,
                Fields = [Field("gb", FieldType.YesNo), Field("gt", FieldType.Text) with { ShowIf = childCondition }],
            },
        };
        return field with { ShowIf = showIf };
    }

    private static List<OptionDefinition> Options(params string[] values) => values.Select(v => new OptionDefinition { Value = v, Label = W(v) }).ToList();

    public static Arbitrary<JsonCase> Json() =>
        Gen.Sized(size => from json in JsonText(Math.Clamp(size / 8, 1, 4)) from seed in Gen.Choose(0, int.MaxValue) select new JsonCase(json, seed)).ToArbitrary();

    private static Gen<string> JsonText(int depth)
    {
        var scalar = Gen.Elements("1", "2.50", "-0", "1e3", "\"中文\"", "\"a\\\"b\"", "\"<&>\"", "true", "null", "\"\"");
        if (depth <= 0) return scalar;
        var child = JsonText(depth - 1);
        var keys = Gen.Elements("a", "b", "B", "é", "z1", "z10", "_", "key with space", "中");
        return Gen.Frequency(
            (2, scalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(child, n)).Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Zip(keys, child), n))
                .Select(pairs => "{" + string.Join(",", pairs.DistinctBy(p => p.Item1).Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}")));
    }
}
