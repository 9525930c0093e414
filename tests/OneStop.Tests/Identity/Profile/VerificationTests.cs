using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Profile;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Profile;

/// <summary>Proving identity online against the sandbox registry, its limits, and at a counter.</summary>
public abstract class VerificationTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider, seed: false);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<int> AuditCountAsync(string @event, string email)
    {
        var id = await _app.UserIdAsync(email);
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDb>().AuditEntries.CountAsync(e => e.SubjectId == id && e.Event == @event, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Verify_MatchingSandboxResident_RaisesTheSessionToVerifiedAndGoesBack()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var resident = Profiles.Resident("LAM Wing Yan");
        var before = await client.AssuranceAsync();

        // Lower case, no brackets, name with a comma: read the way people type them.
        using var response = await client.SubmitAsync("/account/verify?returnUrl=%2Faccount%2Fsecurity",
            Profiles.VerifyFields("p557310a", "Lam, Wing Yan", resident.DateOfBirth));

        Assert.Equal("basic", before);
        Assert.Equal("/account/security", response.Location());
        Assert.Equal("verified", await client.AssuranceAsync());
        Assert.Equal(1, await AuditCountAsync(ProfileEvents.Verified, email));
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        Assert.Equal("registry", user.IdentityVerifiedBy);
        Assert.True((user.IdentityVerifiedAt!.Value - _app.Clock.GetUtcNow()).Duration() < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Verify_OffSiteReturnUrl_GoesToTheAccountInstead()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        using var response = await client.VerifyAsync(Profiles.Resident("HO Kwok Fai"), "/account/verify?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/account", response.Location());
    }

    [Fact]
    public async Task Verify_WrongDateOfBirth_ShowsErrorKeepsInputAndAuditsTheFailure()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var resident = Profiles.Resident("NG Hoi Ting");

        using var response = await client.SubmitAsync("/account/verify", Profiles.VerifyFields(resident.IdentityCard, resident.NameEnglish, resident.DateOfBirth.AddDays(1)));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match", Assert.Single(page.ErrorSummary()));
        Assert.Equal(resident.IdentityCard, page.QuerySelector("#IdentityCard")!.GetAttribute("value"));
        Assert.Equal(resident.NameEnglish, page.QuerySelector("#EnglishName")!.GetAttribute("value"));
        Assert.Equal($"{resident.DateOfBirth.AddDays(1).Day}", page.QuerySelector("#DateOfBirthDay")!.GetAttribute("value"));
        Assert.Equal("basic", await client.AssuranceAsync());
        Assert.Equal(1, await AuditCountAsync(ProfileEvents.VerificationFailed, email));
    }

    [Fact]
    public async Task Verify_InvalidCheckDigit_IsRefusedBeforeAskingTheRegistry()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);

        using var response = await client.SubmitAsync("/zh-hk/account/verify", Profiles.VerifyFields("A123456(4)", "CHAN Tai Man", new DateOnly(1980, 8, 13)));

        Assert.StartsWith("請輸入格式正確的香港身分證號碼", Assert.Single((await response.ReadPageAsync()).ErrorSummary()));
        Assert.Equal(0, await AuditCountAsync(ProfileEvents.VerificationFailed, email));
    }

    [Fact]
    public async Task Verify_FiveFailures_BlocksEvenTheRightDetailsUntilADayHasPassed()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var resident = Profiles.Resident("TSANG Yuk Lun");
        for (var i = 0; i < 5; i++)
        {
            using (await client.SubmitAsync("/account/verify", Profiles.VerifyFields(resident.IdentityCard, "WRONG Name", resident.DateOfBirth))) { }
        }

        using var blocked = await client.VerifyAsync(resident);
        var blockedErrors = (await blocked.ReadPageAsync()).ErrorSummary();
        _app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        using (await client.SignInAsync(email)) { } // the session itself has timed out by then
        using var later = await client.VerifyAsync(resident);

        Assert.Contains("too many times", Assert.Single(blockedErrors));
        Assert.Equal(1, await AuditCountAsync(ProfileEvents.VerificationLimited, email));
        Assert.Equal("/account", later.Location());
    }

    [Fact]
    public async Task Verify_RegistryUnavailable_SaysSoWithoutCountingAnAttempt()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);

        using var response = await client.VerifyAsync(Profiles.Resident("MA Pak Kin"));

        Assert.Contains("cannot check your details at the moment", Assert.Single((await response.ReadPageAsync()).ErrorSummary()));
        Assert.Equal(0, await AuditCountAsync(ProfileEvents.VerificationFailed, email));
    }

    [Fact]
    public async Task Verify_CardAlreadyProvedByAnotherAccount_IsRefused()
    {
        var resident = Profiles.Resident("LEUNG Sze Wing");
        var first = NewBrowser();
        await first.SignedInAsync(_app);
        using (await first.VerifyAsync(resident)) { }
        var second = NewBrowser();
        await second.SignedInAsync(_app);

        using var response = await second.VerifyAsync(resident);

        Assert.Contains("another OneStop ID", Assert.Single((await response.ReadPageAsync()).ErrorSummary()));
        Assert.Equal("basic", await second.AssuranceAsync());
    }

    [Fact]
    public async Task Verify_UnverifiedCardTypedIntoAnotherProfile_DoesNotBlockTheRealHolder()
    {
        var resident = Profiles.Resident("CHOW Man Kit");
        var squatter = NewBrowser();
        await squatter.SignedInAsync(_app);
        using (await squatter.SubmitAsync("/account/profile/identity-card", new Dictionary<string, string> { ["IdentityCard"] = resident.IdentityCard })) { }
        var holder = NewBrowser();
        await holder.SignedInAsync(_app);

        using var response = await holder.VerifyAsync(resident);

        Assert.Equal("/account", response.Location());
    }

    [Fact]
    public async Task CounterVerification_ByOfficer_VerifiesTheAccountAndAuditsTheOfficer()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var userId = await _app.UserIdAsync(email);
        var officerId = Guid.NewGuid();

        VerificationOutcome outcome;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<CounterVerification>()
                .VerifyAsync(userId, officerId, HongKongId.Parse("AB987654(3)")!.Value, "SMITH John Andrew", new DateOnly(1990, 10, 10), TestContext.Current.CancellationToken);
        }
        // The session picks up the new level when it is next checked (Identity:SessionCheckInterval, zero in tests).
        var level = await client.AssuranceAsync();
        var (_, summary) = await client.GetPageAsync("/account/profile");

        Assert.Equal(VerificationOutcome.Verified, outcome);
        Assert.Equal("verified", level);
        Assert.Equal("AB987***(*)", summary.SummaryValue(ProfileFields.IdentityCard)![..11]);
        await using var check = _app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<OneStopDb>();
        Assert.Equal("counter", (await db.Users.SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken)).IdentityVerifiedBy);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectId == userId && e.ActorId == officerId && e.Event == ProfileEvents.Verified, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CounterVerification_UnknownAccount_SaysSo()
    {
        await using var scope = _app.Services.CreateAsyncScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<CounterVerification>()
            .VerifyAsync(Guid.NewGuid(), Guid.NewGuid(), HongKongId.Parse("G482095(8)")!.Value, "YIP Chun Hei", new DateOnly(2005, 12, 31), TestContext.Current.CancellationToken);

        Assert.Equal(VerificationOutcome.AccountNotFound, outcome);
    }
}

public sealed class VerificationTests_Sqlite() : VerificationTests(Provider.Sqlite);

public sealed class VerificationTests_Postgres() : VerificationTests(Provider.Postgres);
