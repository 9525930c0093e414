using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Profile.Registry;

namespace OneStop.Tests.Identity.Profile;

/// <summary>Steps shared by the profile, verification and consent tests.</summary>
public static class Profiles
{
    public static SandboxResident Resident(string englishName) => SandboxPopulationRegistry.Residents.Single(r => r.NameEnglish == englishName);

    public static Dictionary<string, string> VerifyFields(string identityCard, string englishName, DateOnly dateOfBirth) => new()
    {
        ["IdentityCard"] = identityCard,
        ["EnglishName"] = englishName,
        ["DateOfBirthDay"] = dateOfBirth.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DateOfBirthMonth"] = dateOfBirth.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DateOfBirthYear"] = dateOfBirth.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Task<HttpResponseMessage> VerifyAsync(this HttpClient client, SandboxResident resident, string url = "/account/verify") =>
        client.SubmitAsync(url, VerifyFields(resident.IdentityCard, resident.NameEnglish, resident.DateOfBirth));

    /// <summary>The summary page's value cell for a field, as text.</summary>
    public static string? SummaryValue(this IDocument page, string field) =>
        page.QuerySelector($".govuk-summary-list__row[data-field='{field}'] .govuk-summary-list__value")?.TextContent.Trim();

    public static async Task<string> AssuranceAsync(this HttpClient client)
    {
        var (_, account) = await client.GetPageAsync("/account");
        return account.QuerySelector("[data-assurance]")!.GetAttribute("data-assurance")!;
    }

    /// <summary>The account's id, as services (not pages) take it.</summary>
    public static async Task<Guid> UserIdAsync(this OneStopApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OneStop.Identity.OneStopUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
