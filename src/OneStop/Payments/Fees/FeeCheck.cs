using System.Text.RegularExpressions;

namespace OneStop.Payments.Fees;

/// <summary>A problem with a fee schedule: where (JSON path) and what, as a code the pages word (<c>payments.check.{Code}</c>).</summary>
public sealed record FeeProblem(string Path, string Code, params string[] Arguments);

/// <summary>
/// Checks a fee schedule before it is saved: every item priced one way, amounts not negative, tiers in order,
/// answers it reads asked by the service's form (when <c>formFields</c> is given), concessions naming real items.
/// </summary>
public static partial class FeeCheck
{
    /// <summary>No fee may reach this, so a typing slip (an extra zero) is caught rather than charged.</summary>
    public const decimal MaxAmount = 10_000_000m;

    public static IReadOnlyList<FeeProblem> Run(FeeDefinition fees, IReadOnlySet<string>? formFields = null)
    {
        var problems = new List<FeeProblem>();
        if (fees.Items.Count == 0) problems.Add(new FeeProblem("items", "noItems"));
        var ids = new HashSet<string>();
        for (var i = 0; i < fees.Items.Count; i++)
        {
            var item = fees.Items[i];
            var at = $"items[{i}]";
            if (!IdPattern().IsMatch(item.Id)) problems.Add(new FeeProblem($"{at}.id", "badId", item.Id));
            if (!ids.Add(item.Id)) problems.Add(new FeeProblem($"{at}.id", "duplicateId", item.Id));
            if (Blank(item.Name)) problems.Add(new FeeProblem($"{at}.name", "missingText"));
            var ways = (item.Amount is null ? 0 : 1) + (item.UnitAmount is null ? 0 : 1) + (item.Tiers.Count == 0 ? 0 : 1);
            if (ways != 1) problems.Add(new FeeProblem(at, "onePrice", item.Id));
            if (new[] { item.Amount, item.UnitAmount }.Concat(item.Tiers.Select(t => (decimal?)t.Amount)).Any(a => a is < 0 or > MaxAmount))
                problems.Add(new FeeProblem(at, "amountOutOfRange", item.Id));
            if (item.UnitAmount is not null && string.IsNullOrEmpty(item.QuantityFrom)) problems.Add(new FeeProblem($"{at}.quantityFrom", "quantityFromMissing", item.Id));
            if (item.MaxQuantity is < 1) problems.Add(new FeeProblem($"{at}.maxQuantity", "maxQuantity", item.Id));
            if (item.Tiers.Count > 0)
            {
                if (string.IsNullOrEmpty(item.TierFrom)) problems.Add(new FeeProblem($"{at}.tierFrom", "tierFromMissing", item.Id));
                var bounds = item.Tiers.Select(t => t.UpTo).ToList();
                if (bounds.Take(bounds.Count - 1).Any(b => b is null) || bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
                    problems.Add(new FeeProblem($"{at}.tiers", "tierOrder", item.Id));
            }
            foreach (var field in new[] { item.QuantityFrom, item.TierFrom }.OfType<string>().Concat(item.When?.Fields() ?? []).Distinct())
            {
                // The payer's age is read only for concessions (FeeSchedules.QuoteAsync): an item would never see it.
                if (field == FeeRules.ProfileAge) problems.Add(new FeeProblem(at, "ageOnlyInConcessions", item.Id));
                else if (formFields is not null && !formFields.Contains(field)) problems.Add(new FeeProblem(at, "unknownField", field));
            }
        }
        var concessionIds = new HashSet<string>();
        for (var i = 0; i < fees.Concessions.Count; i++)
        {
            var concession = fees.Concessions[i];
            var at = $"concessions[{i}]";
            if (!IdPattern().IsMatch(concession.Id)) problems.Add(new FeeProblem($"{at}.id", "badId", concession.Id));
            // The department learns which concession applied by its id, so two must not share one.
            if (!concessionIds.Add(concession.Id)) problems.Add(new FeeProblem($"{at}.id", "duplicateId", concession.Id));
            if (Blank(concession.Name)) problems.Add(new FeeProblem($"{at}.name", "missingText"));
            if (concession.PercentOff is <= 0 or > 100) problems.Add(new FeeProblem($"{at}.percentOff", "percentOutOfRange", concession.Id));
            foreach (var item in concession.Items.Where(x => !ids.Contains(x))) problems.Add(new FeeProblem($"{at}.items", "unknownItem", item));
            if (formFields is not null)
                foreach (var field in concession.When.Fields().Distinct().Where(f => f != FeeRules.ProfileAge && !formFields.Contains(f)))
                    problems.Add(new FeeProblem($"{at}.when", "unknownField", field));
        }
        return problems;
    }

    private static bool Blank(Forms.Definitions.Words words) =>
        string.IsNullOrWhiteSpace(words.En) || string.IsNullOrWhiteSpace(words.ZhHk) || string.IsNullOrWhiteSpace(words.ZhCn);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex IdPattern();
}
