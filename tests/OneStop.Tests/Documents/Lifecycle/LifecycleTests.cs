using System.Net;
using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Notifications.Templates;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office.Cases;
using OneStop.Tests.Office.Documents;

namespace OneStop.Tests.Documents.Lifecycle;

/// <summary>Issue → verify → revoke, re-issue or renew on the officers' page → verify again; each once however often it is clicked.</summary>
public abstract class LifecycleTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Revoke_SupervisorGivesAReason_VerifySaysRevokedWithoutTheReasonAndTheHolderIsTold()
    {
        var (_, email, _, document) = await _app.IssuedDocumentAsync();
        Assert.Equal("valid", (string?)(await _app.VerifyAsync(document.VerificationCode))["state"]);
        var (supervisor, supervisorId, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        const string reason = "The vehicle failed its roadworthiness re-inspection.";

        using var response = await supervisor.PostDocumentAsync(document, "Revoke", ("Reason", reason));
        await _app.RunOutboxAsync();

        Assert.Equal(document.OfficePath(), response.Location());
        var verified = await _app.VerifyAsync(document.VerificationCode);
        Assert.Equal("revoked", (string?)verified["state"]);
        Assert.NotNull((string?)verified["revokedAt"]);
        Assert.DoesNotContain("roadworthiness", verified.ToJsonString());
        var stored = await _app.DocumentAsync(document.Id);
        Assert.Equal((DocumentState.Revoked, supervisorId), (stored.State, stored.RevokedBy));
        Assert.DoesNotContain("roadworthiness", stored.RevokedReason);
        var mail = Assert.Single(_app.To(email), m => (m.Subject ?? "").Contains("has been revoked"));
        Assert.Contains(document.Number, mail.Subject);
        Assert.Contains(reason, mail.TextBody);
        Assert.Single(await _app.DocumentAuditAsync(DocumentAuditEvents.Revoked, document));
        var page = await supervisor.PageAsync(document.OfficePath());
        Assert.Equal("revoked", page.QuerySelector("[data-summary] [data-state]")!.GetAttribute("data-state"));
        Assert.Equal(reason, page.QuerySelector("[data-revoked-reason]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-revoke-form]"));
    }

    [Fact]
    public async Task Revoke_DoubleClicked_RevokesOnceAndTellsTheHolderOnce()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        var page = await supervisor.PageAsync(document.OfficePath());
        var fields = new Dictionary<string, string> { ["Reason"] = "Issued in error." };

        using var first = await supervisor.SubmitAsync(page, document.OfficePath(), fields, "Revoke");
        using var second = await supervisor.SubmitAsync(page, document.OfficePath(), fields, "Revoke");

        Assert.Equal((document.OfficePath(), document.OfficePath()), (first.Location(), second.Location()));
        Assert.Single(await _app.DocumentAuditAsync(DocumentAuditEvents.Revoked, document));
        Assert.Single(await _app.NotificationsAsync(NotificationEvents.DocumentRevoked, document.Id));
    }

    [Fact]
    public async Task Revoke_NoReason_ErrorSummaryAndTheDocumentStaysValid()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        using var response = await supervisor.PostDocumentAsync(document, "Revoke", ("Reason", "  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error:", page.Title);
        Assert.Equal(["Enter the reason for revoking the document"], page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("#Reason.govuk-textarea--error"));
        Assert.Equal(DocumentState.Valid, (await _app.DocumentAsync(document.Id)).State);
    }

    [Fact]
    public async Task Reissue_Officer_OldSupersededAndTheNewVersionValidWithTheSameNumberAndASignatureThatVerifies()
    {
        var (_, email, _, document) = await _app.IssuedDocumentAsync();
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer);

        using var response = await officer.PostDocumentAsync(document, "Reissue");
        await _app.RunOutboxAsync();

        var versions = await _app.VersionsAsync(document.Number);
        Assert.Equal(2, versions.Count);
        var (old, next) = (versions[0], versions[1]);
        Assert.Equal(next.OfficePath(), response.Location());
        Assert.Equal((DocumentState.Superseded, next.Id), (old.State, old.SupersededById));
        Assert.Equal((DocumentState.Valid, 2, document.Id), (next.State, next.Version, next.PreviousId));
        Assert.Equal((document.ValidFrom, document.ValidUntil), (next.ValidFrom, next.ValidUntil));
        var oldVerified = await _app.VerifyAsync(document.VerificationCode);
        Assert.Equal("superseded", (string?)oldVerified["state"]);
        Assert.Equal(next.VerificationCode, (string?)oldVerified["supersededBy"]);
        var newVerified = await _app.VerifyAsync(next.VerificationCode);
        Assert.Equal(("valid", 2, document.Number), ((string?)newVerified["state"], (int?)newVerified["version"], (string?)newVerified["number"]));
        Assert.Contains("Signature Validation: Signature is Valid.", await DocumentSteps.PdfsigAsync(await _app.PdfAsync(next)));
        Assert.Single(await _app.DocumentAuditAsync(DocumentAuditEvents.Reissued, next));
        Assert.Contains(_app.To(email), m => (m.Subject ?? "").Contains("is ready") && (m.TextBody ?? "").Contains($"/documents/{next.Id}"));
    }

    [Fact]
    public async Task Reissue_DoubleClicked_MakesOneNewVersion()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer);
        var page = await officer.PageAsync(document.OfficePath());
        var none = new Dictionary<string, string>();

        using var first = await officer.SubmitAsync(page, document.OfficePath(), none, "Reissue");
        using var second = await officer.SubmitAsync(page, document.OfficePath(), none, "Reissue");

        var versions = await _app.VersionsAsync(document.Number);
        Assert.Equal(2, versions.Count);
        Assert.Equal((versions[1].OfficePath(), versions[1].OfficePath()), (first.Location(), second.Location()));
    }

    [Fact]
    public async Task Renew_Supervisor_NewValidityFromTheDayAfterTheOldOneEnds()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        using var response = await supervisor.PostDocumentAsync(document, "Renew");

        var versions = await _app.VersionsAsync(document.Number);
        var next = versions[^1];
        Assert.Equal(next.OfficePath(), response.Location());
        var from = document.ValidUntil!.Value.AddDays(1);
        Assert.Equal((2, from, from.AddYears(1).AddDays(-1)), (next.Version, next.ValidFrom, next.ValidUntil));
        Assert.Equal(DocumentState.Superseded, versions[0].State);
        Assert.Single(await _app.DocumentAuditAsync(DocumentAuditEvents.Renewed, next));
        var verified = await _app.VerifyAsync(next.VerificationCode);
        Assert.Equal(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)verified["validFrom"]);
    }

    [Fact]
    public async Task Renew_Lapsed_NewValidityStartsToday()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        _app.Clock.Advance(TimeSpan.FromDays(400));
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        Assert.Equal("expired", (string?)(await _app.VerifyAsync(document.VerificationCode))["state"]);

        using var response = await supervisor.PostDocumentAsync(document, "Renew");

        var next = (await _app.VersionsAsync(document.Number))[^1];
        Assert.Equal(next.OfficePath(), response.Location());
        Assert.Equal(document.ValidFrom.AddDays(400), next.ValidFrom);
        Assert.Equal("valid", (string?)(await _app.VerifyAsync(next.VerificationCode))["state"]);
    }

    [Fact]
    public async Task Revoke_DocumentChangedSinceThePageWasShown_ShowsItAgainAndRevokesNothing()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        var stalePage = await supervisor.PageAsync(document.OfficePath());
        using (await supervisor.PostDocumentAsync(document, "Renew")) { }

        using var response = await supervisor.SubmitAsync(stalePage, document.OfficePath(), new Dictionary<string, string> { ["Reason"] = "Too late." }, "Revoke");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["This document has just been changed. Check it as it is now and try again."], (await response.ReadPageAsync()).ErrorSummary());
        Assert.All(await _app.VersionsAsync(document.Number), d => Assert.NotEqual(DocumentState.Revoked, d.State));
    }
}

public sealed class LifecycleSqliteTests() : LifecycleTests(Provider.Sqlite);

public sealed class LifecyclePostgresTests() : LifecycleTests(Provider.Postgres);
