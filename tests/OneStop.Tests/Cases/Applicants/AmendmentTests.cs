using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Forms.Submitting;
using OneStop.Platform.Outbox;
using OneStop.Tests.Forms.Background;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Office;

namespace OneStop.Tests.Cases.Applicants;

/// <summary>
/// Replying by changing the answers: an amendment draft through the usual form pages and check page, sent
/// once, the old answers kept, and the case back with the changed fields for the officer.
/// </summary>
public abstract class AmendmentTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>"Change your answers" on the reply page with <paramref name="message"/>; the amendment's check page.</summary>
    private static async Task<string> StartAmendmentAsync(HttpClient client, Case c, string message)
    {
        using var amend = await client.SubmitAsync(c.PagePath() + "/reply", new Dictionary<string, string> { ["Message"] = message, ["intent"] = "amend" });
        var check = amend.Location();
        Assert.Matches("^/applications/[0-9a-f-]{36}/check$", check);
        return check;
    }

    /// <summary>Changes the plate on the amendment's one page, as the check page's Change link does.</summary>
    private static async Task ChangePlateAsync(HttpClient client, string check, string plate)
    {
        var (_, page) = await client.GetPageAsync(check);
        Assert.Equal("Send changes", page.QuerySelector("button[data-send-changes]")!.TextContent.Trim());
        var change = page.QuerySelector("[data-field=plate] a")!.GetAttribute("href")!.Split('#')[0];
        using var changed = await client.AnswerAsync(change, ("plate", plate));
        Assert.Equal(check, changed.Location());
    }

    [Fact]
    public async Task Amend_ChangedAnswer_CaseBackWithExactlyTheChangedFieldAndOldAnswersKept()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "The plate number looks wrong.");
        var check = await StartAmendmentAsync(client, c, "Sorry, typo.");
        await ChangePlateAsync(client, check, "CD 5678");

        using var send = await client.AnswerAsync(check);
        await _app.RunOutboxAsync();

        Assert.Equal(c.PagePath() + "?changed=true", send.Location());
        var after = await _app.CaseAsync(c.Reference);
        Assert.Equal("received", after.State);
        var replied = (await _app.TimelineAsync(c.Id))[^1];
        Assert.Equal(CaseEventKind.ApplicantReplied, replied.Kind);
        Assert.Equal(["plate"], JsonSerializer.Deserialize<string[]>(replied.ChangedFields!)!);
        Assert.Equal("Sorry, typo.", await _app.DecryptAsync(replied.Text));
        var (answers, old, revisions) = await _app.QueryAsync(async db =>
        {
            var protection = _app.Services.GetRequiredService<AnswerProtection>();
            var submission = await db.Set<Submission>().SingleAsync(s => s.Id == c.SubmissionId, Cancel);
            var revision = await db.Set<SubmissionRevision>().Where(r => r.SubmissionId == c.SubmissionId).ToListAsync(Cancel);
            return (protection.Unprotect(submission.Answers), protection.Unprotect(revision[0].Answers), revision);
        });
        Assert.Equal("CD 5678", answers["plate"]!.GetValue<string>());
        Assert.Equal("AB 1234", old["plate"]!.GetValue<string>());
        Assert.Equal(1, Assert.Single(revisions).Revision);
        var (_, page) = await client.GetPageAsync(c.PagePath());
        Assert.Equal("CD 5678", page.QuerySelector("[data-field=plate] dd")!.TextContent.Trim());
        Assert.Equal("plate", page.QuerySelector("[data-timeline] [data-changed] li")!.TextContent.Trim());
    }

    [Fact]
    public async Task Amend_PostedTwice_MakesOneRevisionAndOneReply()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "The plate number looks wrong.");
        var check = await StartAmendmentAsync(client, c, "");
        await ChangePlateAsync(client, check, "CD 5678");
        var (_, page) = await client.GetPageAsync(check);

        using var first = await client.PostPageAsync(page, check);
        using var second = await client.PostPageAsync(page, check);
        await _app.RunOutboxAsync();
        await _app.RunOutboxAsync();

        Assert.Equal(c.PagePath() + "?changed=true", first.Location());
        Assert.Equal(check.Replace("/check", "/sent"), second.Location());
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<SubmissionRevision>().CountAsync(r => r.SubmissionId == c.SubmissionId, Cancel)));
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Topic == ApplicationAmended.Topic, Cancel)));
        Assert.Single(await _app.TimelineAsync(c.Id), e => e.Kind == CaseEventKind.ApplicantReplied);
        using var sent = await client.GetAsync(second.Location(), Cancel);
        Assert.Equal(c.PagePath(), sent.Location());
    }

    [Fact]
    public async Task Amend_NothingChanged_AsksForAChange()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "The plate number looks wrong.");
        var check = await StartAmendmentAsync(client, c, "Looks right to me");

        using var send = await client.AnswerAsync(check);

        var page = await send.ReadPageAsync();
        Assert.Equal(["You have not changed any answers. Change an answer, or go back and send a reply without changes."], page.ErrorSummary());
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<SubmissionRevision>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Amend_CaseNotWaiting_IsRefused()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        // Not asked for anything: there is no reply page to change answers from.
        using (var early = await client.GetAsync(c.PagePath() + "/reply", Cancel))
            Assert.Equal(c.PagePath(), early.Location());
        await _app.RequestInformationAsync(c, "The plate number looks wrong.");
        var check = await StartAmendmentAsync(client, c, "");
        await ChangePlateAsync(client, check, "CD 5678");
        // Then answered with a message only (another tab): the case no longer waits.
        using (var reply = await client.SubmitAsync(c.PagePath() + "/reply", new Dictionary<string, string> { ["Message"] = "It is AB 1234.", ["intent"] = "send" }))
            Assert.Equal(c.PagePath() + "?replied=true", reply.Location());

        using var send = await client.AnswerAsync(check);

        var page = await send.ReadPageAsync();
        Assert.Equal(["This application is not waiting for your reply, so it cannot be changed now."], page.ErrorSummary());
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<SubmissionRevision>().CountAsync(Cancel)));
        var answers = await _app.QueryAsync(async db =>
            _app.Services.GetRequiredService<AnswerProtection>().Unprotect((await db.Set<Submission>().SingleAsync(s => s.Id == c.SubmissionId, Cancel)).Answers));
        Assert.Equal("AB 1234", answers["plate"]!.GetValue<string>());
        Assert.Equal("received", (await _app.CaseAsync(c.Reference)).State);
    }

    [Fact]
    public async Task AmendmentDraft_IsNotListedAsADraft()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "The plate number looks wrong.");
        await StartAmendmentAsync(client, c, "");

        var (_, page) = await client.GetPageAsync("/applications");

        Assert.NotNull(page.QuerySelector("[data-no-drafts]"));
        Assert.Equal(BuiltInStates.ReturnedId, (await _app.CaseAsync(c.Reference)).State);
    }
}

public sealed class AmendmentSqliteTests() : AmendmentTests(Provider.Sqlite);

public sealed class AmendmentPostgresTests() : AmendmentTests(Provider.Postgres);
