using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Cases.Applicants;

/// <summary>An applicant signed in with a case of their own, and the officer's moves on it (the officer pages are another slice's).</summary>
public static class ApplicantSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string PagePath(this Case c) => $"/applications/sent/{c.Reference}";

    /// <summary>A new account, signed in on a browser, with one application sent and its case opened.</summary>
    public static async Task<(HttpClient Client, string Email, Case Case)> ApplicantWithCaseAsync(this OneStopApp app, string language = "en")
    {
        var client = app.NewBrowser();
        var email = await client.SignedInAsync(app);
        var c = await app.NewCaseAsync(await app.UserIdAsync(email), language: language);
        return (client, email, c);
    }

    public static ClaimsPrincipal Officer(string department = "TD") => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(StaffClaims.Role, StaffRole.Officer.Name()),
        new Claim(StaffClaims.Department, department),
    ], "test"));

    /// <summary>Runs an officer's move through <see cref="CaseActions"/> and expects it done; the case as it is after.</summary>
    public static async Task<Case> OfficerAsync(this OneStopApp app, Func<CaseActions, Case, Task<CaseResult>> move, Case c)
    {
        var current = await app.CaseAsync(c.Reference);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await move(scope.ServiceProvider.GetRequiredService<CaseActions>(), current);
        return Assert.IsType<CaseResult.Done>(result).Case;
    }

    /// <summary>An officer gets to the case 20 minutes later and asks for more; the applicant sees it 20 minutes after that (within the session) (the timeline has distinct times).</summary>
    public static async Task<Case> RequestInformationAsync(this OneStopApp app, Case c, string request)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var returned = await app.OfficerAsync((actions, now) => actions.RequestInformationAsync(Officer(), now.Id, now.Revision, request, Cancel), c);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        return returned;
    }

    public static async Task<string?> DecryptAsync(this OneStopApp app, string? stored)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CaseText>().UnprotectOrNull(stored);
    }
}
