using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Forms.Submitting;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Background;

/// <summary>The acknowledgement email sent after an application is stored: once, in the applicant's language.</summary>
public abstract class AcknowledgementTests(Provider provider) : IAsyncLifetime
{
    private BackgroundApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new BackgroundApp(provider);
        await PublishAsync(_app, OnePage("td-ack", Field("plate", FieldType.Text)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Acknowledgement_EnglishApplication_MailsTheReferenceAndWhatHappensNext()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var accepted = await _app.SubmitAsync("td-ack", Answers(("plate", "AB 1234")), userId, email, "en");

        await _app.RunOutboxAsync();

        var mail = Assert.Single(_app.MailsAbout(email, accepted.Reference));
        Assert.Equal($"Application received: {accepted.Reference}", mail.Subject);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(accepted.SubmittedAt, DateTimeKind.Utc), HongKongTime.Zone);
        Assert.Contains("Form: Form td-ack", mail.TextBody);
        Assert.Contains($"Reference number: {accepted.Reference}", mail.TextBody);
        Assert.Contains("Submitted: " + local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), mail.TextBody);
        Assert.Contains("Transport Department will check your application", mail.TextBody);
        Assert.DoesNotContain("AB 1234", mail.TextBody);
        Assert.Equal("/applications", mail.Link());
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task Acknowledgement_TraditionalChineseApplication_IsInTraditionalChinese()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var accepted = await _app.SubmitAsync("td-ack", Answers(("plate", "AB 1234")), userId, email, "zh-HK");

        await _app.RunOutboxAsync();

        var mail = Assert.Single(_app.MailsAbout(email, accepted.Reference));
        Assert.Equal($"已收到申請：{accepted.Reference}", mail.Subject);
        Assert.Contains("表格：Form td-ack（繁）", mail.TextBody);
        Assert.Contains("運輸署會審核你的申請", mail.TextBody);
        Assert.Equal("/zh-hk/applications", mail.Link());
        Assert.Equal("zh-HK", mail.Headers[HeaderId.ContentLanguage] ?? mail.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public async Task Acknowledgement_MessageDeliveredAgain_SendsNothingMore()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var accepted = await _app.SubmitAsync("td-ack", Answers(("plate", "AB 1234")), userId, email, "en");
        await _app.RunOutboxAsync();

        await _app.RunOutboxAsync();
        // At least once: the same message may come again (a node died before marking it done).
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<OutboxMessage>()
                .Where(m => m.Topic == ApplicationSubmitted.Topic)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null), Cancel);
        }
        await _app.RunOutboxAsync();

        // The acknowledgement once (case processing's own "received" notice is a different message).
        Assert.Single(_app.MailsAbout(email, "Application received: " + accepted.Reference));
        await using var check = _app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<OneStopDb>();
        Assert.NotNull((await db.Set<Submission>().SingleAsync(s => s.Id == accepted.SubmissionId, Cancel)).AcknowledgedAt);
        Assert.NotNull((await db.Set<OutboxMessage>().SingleAsync(m => m.Topic == ApplicationSubmitted.Topic, Cancel)).ProcessedAt);
    }

    [Fact]
    public async Task Acknowledgement_NoContactAddress_SendsNoMailAndFinishesTheMessage()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var accepted = await _app.SubmitAsync("td-ack", Answers(("plate", "AB 1234")), userId, contactEmail: null, "en");

        await _app.RunOutboxAsync();

        Assert.Empty(_app.MailsAbout(email, accepted.Reference));
        await using var scope = _app.Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<OutboxMessage>().SingleAsync(m => m.Topic == ApplicationSubmitted.Topic, Cancel);
        Assert.NotNull(message.ProcessedAt);
    }

    [Fact]
    public async Task Acknowledgement_CopyOfAnswersAvailable_AttachesItAsPdf()
    {
        _app.AnswersCopy = "%PDF-1.7 stand-in"u8.ToArray();
        var (userId, email) = await _app.NewAccountAsync();
        var accepted = await _app.SubmitAsync("td-ack", Answers(("plate", "AB 1234")), userId, email, "zh-CN");

        await _app.RunOutboxAsync();

        var mail = Assert.Single(_app.MailsAbout(email, accepted.Reference));
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal($"{accepted.Reference}.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, Cancel);
        Assert.Equal(_app.AnswersCopy, content.ToArray());
        Assert.Contains("随邮件附上你的答复副本", mail.TextBody);
    }
}

/// <summary>The real copy: a PDF in the applicant's language that reads back with poppler.</summary>
public abstract class AcknowledgementPdfTests(Provider provider) : IAsyncLifetime
{
    private BackgroundApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new BackgroundApp(provider) { RealCopy = true };
        await PublishAsync(_app, OnePage("td-pdf", Field("plate", FieldType.Text), Field("notes", FieldType.TextArea)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Acknowledgement_TraditionalChinese_AttachesAPdfOfTheAnswersInChinese()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var accepted = await _app.SubmitAsync("td-pdf", Answers(("plate", "AB 1234"), ("notes", "車輛已於灣仔檢驗")), userId, email, "zh-HK");

        await _app.RunOutboxAsync();

        var mail = Assert.Single(_app.MailsAbout(email, accepted.Reference));
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        var text = await OneStop.Tests.Platform.Pdf.Poppler.TextAsync(content.ToArray());
        Assert.Contains("Form td-pdf（繁）", text);
        Assert.Contains($"參考編號：{accepted.Reference}", text);
        Assert.Contains("plate（繁）", text);
        Assert.Contains("AB 1234", text);
        Assert.Contains("車輛已於灣仔檢驗", text);
    }
}

public sealed class AcknowledgementPdfSqliteTests() : AcknowledgementPdfTests(Provider.Sqlite);

public sealed class AcknowledgementPdfPostgresTests() : AcknowledgementPdfTests(Provider.Postgres);

public sealed class AcknowledgementSqliteTests() : AcknowledgementTests(Provider.Sqlite);

public sealed class AcknowledgementPostgresTests() : AcknowledgementTests(Provider.Postgres);
