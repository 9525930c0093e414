using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Tests.Identity;

namespace OneStop.Tests.Office;

/// <summary>An officer who has seen the identity card raises a citizen's OneStop ID to verified.</summary>
public sealed class CounterVerificationTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    [Fact]
    public async Task VerifyAtCounter_CardCheckedByAnOfficer_MakesTheCitizenVerifiedAndAuditsTheOfficer()
    {
        var citizen = _app.NewBrowser();
        var email = await citizen.SignedInAsync(_app);
        var (officer, officerEmail) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");

        using var response = await officer.SubmitAsync("/office/verify-identity", new Dictionary<string, string>
        {
            ["Email"] = email, ["IdentityCard"] = "k381205(7)", ["EnglishName"] = "LEE Ka Wai",
            ["DateOfBirthDay"] = "25", ["DateOfBirthMonth"] = "11", ["DateOfBirthYear"] = "1992",
        });
        var (_, confirmation) = await officer.GetPageAsync(response.Location());
        var (_, account) = await citizen.GetPageAsync("/account");

        Assert.Contains(email, confirmation.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("verified", account.QuerySelector("[data-assurance]")!.GetAttribute("data-assurance"));
        var officerId = await _app.UserIdAsync(officerEmail);
        var citizenId = await _app.UserIdAsync(email);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ActorId == officerId && e.SubjectId == citizenId)),
            "The verification should be audited with the officer as the actor");
    }

    [Fact]
    public async Task VerifyAtCounter_UnknownEmailAndBadCard_ShowsBothErrorsAndKeepsWhatWasTyped()
    {
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "FEHD");

        using var response = await officer.SubmitAsync("/zh-hk/office/verify-identity", new Dictionary<string, string>
        {
            ["Email"] = "nobody@example.com", ["IdentityCard"] = "A123456(4)", ["EnglishName"] = "CHAN Tai Man",
            ["DateOfBirthDay"] = "13", ["DateOfBirthMonth"] = "8", ["DateOfBirthYear"] = "1980",
        });
        var page = await response.ReadPageAsync();

        Assert.Equal(2, page.ErrorSummary().Length);
        Assert.Contains("沒有一站通帳戶使用此電郵地址", page.ErrorSummary()[0]);
        Assert.Equal("nobody@example.com", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal("CHAN Tai Man", page.QuerySelector("#EnglishName")!.GetAttribute("value"));
        // The officer's browser must not offer the officer's own birthday.
        Assert.Equal("off", page.QuerySelector("#DateOfBirthDay")!.GetAttribute("autocomplete"));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
