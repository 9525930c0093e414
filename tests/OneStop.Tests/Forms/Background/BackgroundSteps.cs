using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using OneStop.Forms;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Background;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Identity;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;
using OneStop.Tests.Identity;

namespace OneStop.Tests.Forms.Background;

/// <summary>The portal with a stand-in for the PDF copy of answers, which returns <see cref="AnswersCopy"/> (none by default).</summary>
public sealed class BackgroundApp(Provider provider) : OneStopApp(provider)
{
    public byte[]? AnswersCopy { get; set; }

    /// <summary>Keep the real PDF copy instead of the stand-in.</summary>
    public bool RealCopy { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (!RealCopy) builder.ConfigureServices(services =>
        {
            services.RemoveAll<IAnswersCopy>();
            services.AddSingleton<IAnswersCopy>(new FixedCopy(this));
        });
    }

    private sealed class FixedCopy(BackgroundApp app) : IAnswersCopy
    {
        public Task<byte[]?> RenderAsync(Submission submission, FormDefinition form, JsonObject answers, Language language, CancellationToken cancellationToken = default) =>
            Task.FromResult(app.AnswersCopy);
    }
}

/// <summary>Arranges accounts, submissions and drafts directly, and runs one pass of each background job.</summary>
public static class BackgroundSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<(Guid Id, string Email)> NewAccountAsync(this OneStopApp app)
    {
        var email = Accounts.NewEmail();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
        var user = new OneStopUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = app.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, Accounts.Password)).Succeeded);
        return (user.Id, email);
    }

    public static async Task<SubmitResult.Accepted> SubmitAsync(this OneStopApp app, string formId, JsonObject answers, Guid? userId, string? contactEmail, string language)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var form = await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(formId, Cancel);
        Assert.NotNull(form);
        var result = await scope.ServiceProvider.GetRequiredService<SubmitApplication>().RunAsync(
            new SubmitRequest(form, answers, $"user:{userId}", Guid.NewGuid().ToString(), language) { UserId = userId, ContactEmail = contactEmail }, Cancel);
        return Assert.IsType<SubmitResult.Accepted>(result);
    }

    public static async Task<Guid> AddDraftAsync(this OneStopApp app, string formId, Guid userId, string language, TimeSpan expiresIn, Guid? submissionId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var form = await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(formId, Cancel);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var draft = new FormDraft
        {
            Id = Guid.CreateVersion7(),
            FormId = formId,
            Version = form!.Version,
            UserId = userId,
            Answers = "",
            Language = language,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + expiresIn,
            SubmissionId = submissionId,
        };
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        db.Add(draft);
        await db.SaveChangesAsync(Cancel);
        return draft.Id;
    }

    public static Task RunOutboxAsync(this OneStopApp app) => app.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(Cancel);

    public static Task RunDraftSweepAsync(this OneStopApp app) => app.Services.GetRequiredService<DraftSweep>().RunOnceAsync(Cancel);

    /// <summary>Mail to <paramref name="address"/> other than the account's own (confirmation and the like).</summary>
    public static IReadOnlyList<MimeMessage> MailsAbout(this OneStopApp app, string address, string words) =>
        app.To(address).Where(m => m.Subject?.Contains(words, StringComparison.Ordinal) == true).ToList();
}
