using System.Text.RegularExpressions;

namespace OneStop.Catalogue.Import;

/// <summary>Checks every row of a catalogue file against docs/catalogue-format.md, collecting every problem.</summary>
public static partial class CatalogueValidator
{
    [GeneratedRegex("^[A-Z0-9]{2,6}$")] private static partial Regex CodePattern();
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex SlugPattern();

    /// <summary>A department code as the catalogue file allows it: 2 to 6 capital letters or digits.</summary>
    public static bool IsDepartmentCode([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? code) => code is not null && CodePattern().IsMatch(code);

    public static List<ImportError> Check(CatalogueRows rows, ISet<string> existingDepartments, ISet<string> existingCategories)
    {
        var errors = new List<ImportError>();
        var departments = new HashSet<string>(existingDepartments, StringComparer.Ordinal);
        var categories = new HashSet<string>(existingCategories, StringComparer.Ordinal);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (d, line, where) in rows.Departments)
        {
            void Fail(string message) => errors.Add(new ImportError(line, where, message));
            if (d is null) { Fail("is empty."); continue; }
            if (!IsDepartmentCode(d.Code)) Fail($"code '{d.Code}' must be 2 to 6 capital letters or digits.");
            else if (!seen.Add(d.Code)) Fail($"code '{d.Code}' appears more than once in the file.");
            else departments.Add(d.Code);
            RequireText(d.Name, "name", CatalogueLimits.Name, Fail);
            if (d.Website is not null && !IsHttpsUrl(d.Website)) Fail("website must be an absolute https:// address.");
            if (d.Email is not null && !d.Email.Contains('@')) Fail($"email '{d.Email}' is not an email address.");
            MaxLength(d.Email, "email", CatalogueLimits.Email, Fail);
            MaxLength(d.Phone, "phone", CatalogueLimits.Phone, Fail);
            MaxLength(d.Website, "website", CatalogueLimits.Website, Fail);
        }

        seen.Clear();
        foreach (var (c, line, where) in rows.Categories)
        {
            void Fail(string message) => errors.Add(new ImportError(line, where, message));
            if (c is null) { Fail("is empty."); continue; }
            if (!IsSlug(c.Slug)) Fail($"slug '{c.Slug}' must be 3 to 80 lower-case letters, digits and single hyphens.");
            else if (!seen.Add(c.Slug!)) Fail($"slug '{c.Slug}' appears more than once in the file.");
            else categories.Add(c.Slug!);
            if (ChannelNames.ParseFacet(c.Facet) is null) Fail($"facet '{c.Facet}' must be topic, life-event or audience.");
            RequireText(c.Name, "name", CatalogueLimits.Name, Fail);
            if (c.Description is not null) RequireText(c.Description, "description", CatalogueLimits.Description, Fail);
        }

        seen.Clear();
        foreach (var (s, line, where) in rows.Services)
        {
            void Fail(string message) => errors.Add(new ImportError(line, where, message));
            if (s is null) { Fail("is empty."); continue; }
            if (!IsSlug(s.Slug)) Fail($"slug '{s.Slug}' must be 3 to 80 lower-case letters, digits and single hyphens.");
            else if (!seen.Add(s.Slug!)) Fail($"slug '{s.Slug}' appears more than once in the file.");
            if (string.IsNullOrWhiteSpace(s.Department)) Fail("department is missing.");
            else if (!departments.Contains(s.Department)) Fail($"department '{s.Department}' does not exist.");
            if (ChannelNames.ParseStatus(s.Status) is null) Fail($"status '{s.Status}' must be live, planned or retired.");
            if (s.Categories is not { Count: > 0 }) Fail("categories: give at least one.");
            foreach (var slug in s.Categories ?? [])
                if (!categories.Contains(slug)) Fail($"category '{slug}' does not exist.");
            if (s.Channels is not { Count: > 0 }) Fail("channels: give at least one.");
            foreach (var channel in s.Channels ?? [])
                if (ChannelNames.Parse(channel) is null)
                    Fail($"channel '{channel}' must be one of {string.Join(", ", ChannelNames.All.Select(c => c.Name))}.");
            RequireText(s.Name, "name", CatalogueLimits.Name, Fail);
            RequireText(s.Summary, "summary", CatalogueLimits.Summary, Fail);
            if (s.Body is not null) RequireText(s.Body, "body", int.MaxValue, Fail);
            if (s.Eligibility is not null) RequireText(s.Eligibility, "eligibility", CatalogueLimits.Eligibility, Fail);
            if (s.Fees is not null) RequireText(s.Fees, "fees", CatalogueLimits.Fees, Fail);
            MaxLength(s.ExternalUrl, "externalUrl", CatalogueLimits.ExternalUrl, Fail);
            if (s.PledgedWorkingDays is < 0 or > 365) Fail("pledgedWorkingDays must be from 0 to 365.");
            if (s.ExternalUrl is not null && !IsHttpsUrl(s.ExternalUrl)) Fail("externalUrl must be an absolute https:// address.");
            if (s.Usage is < 0) Fail("usage cannot be negative.");
        }
        return errors;
    }

    /// <summary>
    /// For a department's own upload: rows of another department, shared categories, and services that
    /// belong to another department are refused, so one department can never change another's entries.
    /// </summary>
    public static IEnumerable<ImportError> CheckDepartment(CatalogueRows rows, string department, ISet<string> otherDepartmentsServices)
    {
        foreach (var (d, line, where) in rows.Departments)
            if (d is not null && d.Code != department)
                yield return new ImportError(line, where, $"department '{d.Code}' is not yours: you can only import {department}'s entries.");
        foreach (var (_, line, where) in rows.Categories)
            yield return new ImportError(line, where, "categories are shared by every department: ask a platform administrator to change them.");
        foreach (var (s, line, where) in rows.Services)
        {
            if (s is null) continue;
            if (!string.IsNullOrWhiteSpace(s.Department) && s.Department != department)
                yield return new ImportError(line, where, $"department '{s.Department}' is not yours: you can only import {department}'s services.");
            else if (s.Slug is not null && otherDepartmentsServices.Contains(s.Slug))
                yield return new ImportError(line, where, $"slug '{s.Slug}' is another department's service.");
        }
    }

    private static void RequireText(TextDto? text, string field, int maxLength, Action<string> fail)
    {
        if (text is null) { fail($"{field} is missing."); return; }
        foreach (var (value, language) in new[] { (text.En, "English (en)"), (text.ZhHk, "Traditional Chinese (zh-HK)"), (text.ZhCn, "Simplified Chinese (zh-CN)") })
        {
            if (string.IsNullOrWhiteSpace(value)) fail($"{field} has no {language} text.");
            else if (value.Trim().Length > maxLength) fail($"{field} in {language} is {value.Trim().Length} characters long; the most is {maxLength}.");
        }
    }

    private static void MaxLength(string? value, string field, int maxLength, Action<string> fail)
    {
        if (value is not null && value.Length > maxLength) fail($"{field} is {value.Length} characters long; the most is {maxLength}.");
    }

    private static bool IsSlug(string? slug) => slug is { Length: >= 3 and <= 80 } && SlugPattern().IsMatch(slug);

    public static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
