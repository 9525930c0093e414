using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;
using OneStop.Platform.Database;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Prefill;

/// <summary>Arranges people with a OneStop profile and takes them through the prefill step and the consent screen.</summary>
public static class PrefillSteps
{
    public const string Card = "K381205(7)";
    public const string Name = "LEE KA WAI";
    public static readonly DateOnly Born = new(1992, 11, 25);

    /// <summary>
    /// Writes a profile for the account: name, card and date of birth proved by identity verification (as the
    /// registry check leaves them), phone, sex and address typed by the person (not verified).
    /// </summary>
    public static async Task<Guid> GiveProfileAsync(this OneStopApp app, string email, bool verified = true)
    {
        var userId = await app.UserIdAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileStore>();
        await profiles.StageAsync(userId, new PersonalDetails
        {
            NameEnglish = Name,
            IdentityCard = Card,
            DateOfBirth = Born,
            Sex = "F",
            Phone = "+85291234567",
            ResidentialAddress = new HongKongAddress { Flat = "A", Floor = "12/F", Building = "Harbour View Mansion", Street = "88 Gloucester Road", District = "wan-chai" },
            Verified = verified ? [ProfileFields.NameEnglish, ProfileFields.IdentityCard, ProfileFields.DateOfBirth] : [],
        }, TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<OneStopDb>().SaveChangesAsync(TestContext.Current.CancellationToken);
        return userId;
    }

    /// <summary>A one-page form whose questions all come from the profile, and a second page.</summary>
    public static FormDefinition ProfileForm(string id = "td-prefill") => new()
    {
        Id = id,
        Department = "TD",
        Title = W("Prefill test"),
        Pages =
        [
            new PageDefinition
            {
                Id = "you",
                Title = W("You"),
                Fields =
                [
                    Field("name", FieldType.Text) with { Prefill = ProfileFields.NameEnglish, LockVerified = true },
                    Field("card", FieldType.HongKongId) with { Prefill = ProfileFields.IdentityCard, LockVerified = true },
                    Field("born", FieldType.Date) with { Prefill = ProfileFields.DateOfBirth },
                    Field("sex", FieldType.Radios) with { Prefill = ProfileFields.Sex, Options = [new() { Value = "F", Label = W("Female") }, new() { Value = "M", Label = W("Male") }] },
                    Field("tel", FieldType.Phone) with { Prefill = ProfileFields.Phone },
                    Field("home", FieldType.Address) with { Prefill = ProfileFields.ResidentialAddress, LockVerified = true },
                ],
            },
            new PageDefinition { Id = "more", Title = W("More"), Fields = [Field("reason", FieldType.Text)] },
        ],
    };

    /// <summary>Presses "Start a new application"; the prefill step's path.</summary>
    public static async Task<string> StartToPrefillAsync(this HttpClient client, string slug)
    {
        using var response = await client.SubmitAsync($"/services/{slug}/apply", new Dictionary<string, string>());
        var location = response.Location();
        Assert.Matches("^/applications/[0-9a-f-]{36}/prefill$", location);
        return location;
    }

    /// <summary>"Use my details", then the consent screen's answer; where the consent screen sends the person back.</summary>
    public static async Task<string> ConsentAsync(this HttpClient client, string prefillPath, bool approve)
    {
        using var use = await client.SubmitAsync(prefillPath, new Dictionary<string, string>(), handler: "Use");
        Assert.Matches("^/account/consent/[0-9a-f-]{36}$", use.Location());
        using var answer = await client.SubmitAsync(use.Location(), new Dictionary<string, string>(), handler: approve ? "Approve" : "Decline");
        return answer.Location();
    }

    public static Task<JsonObject> DraftAnswersAsync(this OneStopApp app, Guid draftId) =>
        app.WithScopeAsync(async services =>
        {
            var draft = await services.GetRequiredService<OneStopDb>().Set<FormDraft>().SingleAsync(d => d.Id == draftId, TestContext.Current.CancellationToken);
            return services.GetRequiredService<AnswerProtection>().Unprotect(draft.Answers);
        });

    /// <summary>Puts answers in a draft as if typed earlier (before prefill was offered, or in another tab).</summary>
    public static Task SetDraftAnswersAsync(this OneStopApp app, Guid draftId, JsonObject answers) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OneStopDb>();
            var draft = await db.Set<FormDraft>().SingleAsync(d => d.Id == draftId, TestContext.Current.CancellationToken);
            draft.Answers = services.GetRequiredService<AnswerProtection>().Protect(answers);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

    public static async Task<T> WithScopeAsync<T>(this OneStopApp app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
