using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;

namespace OneStop.Tests.Forms.Engine;

/// <summary>Laws the engine keeps for any conditions, forms and answers FsCheck can think of.</summary>
[Properties(Arbitrary = [typeof(EngineArbitraries)], MaxTest = 300)]
public sealed class EngineProperties
{
    [Property]
    public bool Not_Twice_IsTheCondition(ConditionCase c) =>
        new NotCondition(new NotCondition(c.A)).Holds(c.Context()) == c.A.Holds(c.Context());

    [Property]
    public bool All_OfTwo_IsBoth(ConditionCase c) =>
        new AllCondition([c.A, c.B]).Holds(c.Context()) == (c.A.Holds(c.Context()) && c.B.Holds(c.Context()));

    [Property]
    public bool Any_OfTwo_IsEither(ConditionCase c) =>
        new AnyCondition([c.A, c.B]).Holds(c.Context()) == (c.A.Holds(c.Context()) || c.B.Holds(c.Context()));

    [Property]
    public bool DeMorgan_NotAll_IsAnyNot(ConditionCase c) =>
        new NotCondition(new AllCondition([c.A, c.B])).Holds(c.Context())
        == new AnyCondition([new NotCondition(c.A), new NotCondition(c.B)]).Holds(c.Context());

    [Property]
    public bool DeMorgan_NotAny_IsAllNot(ConditionCase c) =>
        new NotCondition(new AnyCondition([c.A, c.B])).Holds(c.Context())
        == new AllCondition([new NotCondition(c.A), new NotCondition(c.B)]).Holds(c.Context());

    [Property]
    public bool NotEquals_IsNotEquals(ConditionCase c) => Leaves(c.A).All(leaf =>
        (leaf with { Comparison = Comparison.NotEquals }).Holds(c.Context()) == !(leaf with { Comparison = Comparison.Equals }).Holds(c.Context()));

    /// <summary>Orderings agree with each other: never both sides of a line, and comparable on both or neither.</summary>
    [Property]
    public bool Orderings_AreConsistent(ConditionCase c) => Leaves(c.A).All(leaf =>
    {
        bool Is(Comparison comparison) => (leaf with { Comparison = comparison }).Holds(c.Context());
        var (gt, lt, ge, le) = (Is(Comparison.GreaterThan), Is(Comparison.LessThan), Is(Comparison.AtLeast), Is(Comparison.AtMost));
        return !(lt && ge) && !(gt && le) && (lt || ge) == (gt || le) && (!gt || ge) && (!lt || le);
    });

    [Property]
    public bool Condition_WrittenAndRead_IsTheSameCondition(ConditionCase c)
    {
        var read = JsonSerializer.Deserialize<Condition>(JsonSerializer.Serialize(c.A, DefinitionJson.Options), DefinitionJson.Options);
        return Structural.Difference(c.A, read) is null && read!.Holds(c.Context()) == c.A.Holds(c.Context());
    }

    [Property]
    public bool Prune_Twice_IsPruneOnce(FormCase c)
    {
        var once = FormRules.Prune(c.Form, c.Answers.Build(), Engine.Today);
        return JsonNode.DeepEquals(once, FormRules.Prune(c.Form, once, Engine.Today));
    }

    [Property]
    public bool Prune_OnlyRemovesKeys(FormCase c)
    {
        var answers = c.Answers.Build();
        var kept = FormRules.Prune(c.Form, answers, Engine.Today);
        return kept.All(p => answers.ContainsKey(p.Key) && Within(p.Value, answers[p.Key]));
    }

    [Property]
    public bool Validate_PrunedAnswers_NeverReportsAHiddenField(FormCase c)
    {
        var kept = FormRules.Prune(c.Form, c.Answers.Build(), Engine.Today);
        var visible = Visible(c.Form, kept);
        return FormRules.Validate(c.Form, kept, Engine.Today).All(e => visible.Contains(e.Path.Split('.')[0]));
    }

    /// <summary>Stale answers of what is no longer asked change nothing but the unknown-key report.</summary>
    [Property]
    public bool Validate_AnswersAndTheirPruning_FindTheSameProblems(FormCase c)
    {
        var answers = c.Answers.Build();
        string[] Problems(JsonObject a) => FormRules.Validate(c.Form, a, Engine.Today)
            .Where(e => e.Kind != "unknownField").Select(e => $"{e.Path}:{e.Kind}").Order().ToArray();
        return Problems(answers).SequenceEqual(Problems(FormRules.Prune(c.Form, answers, Engine.Today)));
    }

    [Property]
    public bool Validate_PrunedValidAnswers_StayValid(FormCase c)
    {
        var answers = c.Answers.Build();
        var valid = FormRules.Validate(c.Form, answers, Engine.Today).Count == 0;
        return !valid || FormRules.Validate(c.Form, FormRules.Prune(c.Form, answers, Engine.Today), Engine.Today).Count == 0;
    }

    [Property]
    public bool Canonical_KeyOrder_DoesNotMatter(JsonCase c)
    {
        var node = JsonNode.Parse(c.Json);
        return AnswerValues.Canonical(node) == AnswerValues.Canonical(Shuffle(node, new Random(c.Seed)));
    }

    [Property]
    public bool Canonical_OfCanonical_IsItself(JsonCase c)
    {
        var canonical = AnswerValues.Canonical(JsonNode.Parse(c.Json));
        return AnswerValues.Canonical(JsonNode.Parse(canonical)) == canonical && JsonNode.DeepEquals(JsonNode.Parse(canonical), JsonNode.Parse(c.Json));
    }

    [Property]
    public bool DateBound_Days_AreDateArithmetic(int daysAgo, ushort n)
    {
        var today = new DateOnly(2026, 3, 15).AddDays(daysAgo % 40000);
        var days = n % 30000;
        return DateBound.Resolve($"today+{days}d", today) == today.AddDays(days)
            && DateBound.Resolve($"today-{days}d", today) == today.AddDays(-days)
            && DateBound.Resolve($"today+{days}d", today) >= today && DateBound.Resolve($"today-{days}d", today) <= today
            && DateBound.Resolve("today", today) == today && DateBound.Resolve("today+0d", today) == today;
    }

    [Property]
    public bool DateBound_Units_AgreeWithEachOther(int daysAgo, byte n)
    {
        var today = new DateOnly(2026, 3, 15).AddDays(daysAgo % 40000);
        return DateBound.Resolve($"today+{n}w", today) == DateBound.Resolve($"today+{7 * n}d", today)
            && DateBound.Resolve($"today-{n}w", today) == DateBound.Resolve($"today-{7 * n}d", today)
            && DateBound.Resolve($"today+{n % 200}y", today) == DateBound.Resolve($"today+{12 * (n % 200)}m", today)
            && DateBound.Resolve($"today-{n % 200}y", today) == DateBound.Resolve($"today-{12 * (n % 200)}m", today);
    }

    [Property]
    public bool DateBound_IsoDate_IgnoresToday(int a, int b)
    {
        var date = new DateOnly(2000, 1, 1).AddDays(Math.Abs(a % 20000));
        var today = new DateOnly(2026, 3, 15).AddDays(b % 20000);
        return DateBound.Resolve(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today) == date;
    }

    /// <summary>Whatever an author types, a bound resolves or is refused: it never throws, today or in 150 years.</summary>
    [Property]
    public bool DateBound_AnyText_NeverThrows(bool plus, int n, char unit, bool late)
    {
        var today = late ? new DateOnly(2176, 1, 1) : new DateOnly(2026, 3, 15);
        var text = $"today{(plus ? '+' : '-')}{Math.Abs(n % 100000)}{"dwmy"[Math.Abs(unit % 4)]}";
        var resolved = DateBound.Resolve(text, today);
        return resolved is null || DateBound.Resolve(text, new DateOnly(2000, 1, 1)) is not null;
    }

    private static IEnumerable<FieldCondition> Leaves(Condition c) => c switch
    {
        FieldCondition f => [f],
        AllCondition all => all.Conditions.SelectMany(Leaves),
        AnyCondition any => any.Conditions.SelectMany(Leaves),
        NotCondition not => Leaves(not.Inner),
        _ => [],
    };

    /// <summary>A kept value is the answer, or (for a group) the answer's items with keys removed.</summary>
    private static bool Within(JsonNode? kept, JsonNode? original) =>
        JsonNode.DeepEquals(kept, original)
        || kept is JsonArray k && original is JsonArray o && k.Count == o.Count && k.Zip(o).All(pair => JsonNode.DeepEquals(pair.First, pair.Second)
            || pair.First is JsonObject ki && pair.Second is JsonObject oi && ki.All(p => oi.ContainsKey(p.Key) && JsonNode.DeepEquals(p.Value, oi[p.Key])));

    private static HashSet<string> Visible(FormDefinition form, JsonObject kept) =>
        FormRules.ShownPages(form, kept, Engine.Today).SelectMany(p => FormRules.ShownFields(p, kept, Engine.Today)).Select(f => f.Id).ToHashSet();

    private static JsonNode? Shuffle(JsonNode? node, Random random) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(_ => random.Next()).Select(p => KeyValuePair.Create(p.Key, Shuffle(p.Value, random)))),
        JsonArray a => new JsonArray(a.Select(i => Shuffle(i, random)).ToArray()),
        _ => node?.DeepClone(),
    };
}
