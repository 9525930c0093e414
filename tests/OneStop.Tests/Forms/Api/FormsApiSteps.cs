using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms;
using OneStop.Forms.Store;
using OneStop.Identity.Oidc;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Tests.Forms.Api;

/// <summary>What the forms API tests do through the public surface: register machine clients, get tokens, send submissions.</summary>
public static class FormsApiSteps
{
    public sealed record Answer(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response);

    /// <summary>Registers a machine client with the scopes and returns a client-credentials access token for them.</summary>
    public static async Task<(string ClientId, string Token)> MachineTokenAsync(OneStopApp app, string scopes = OidcSetup.FormsSubmitScope)
    {
        var clientId = "kiosk-" + Guid.NewGuid().ToString("N")[..10];
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OidcClients>().AddAsync(new OidcClient
            {
                ClientId = clientId,
                Kind = OidcClientKind.Machine,
                Name = new LocalisedText("Kiosk " + clientId, "自助服務機 " + clientId, "自助服务机 " + clientId),
                Scopes = scopes.Split(' '),
            }, secret);
        }
        return (clientId, await TokenAsync(app.CreateClient(), clientId, secret, scopes));
    }

    public static async Task<string> TokenAsync(HttpClient http, string clientId, string secret, string scope)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<Answer> SubmitAsync(HttpClient http, string formId, string? token, string? key, JsonObject answers,
        string? lang = null, string? serviceSlug = null)
    {
        var body = new JsonObject { ["answers"] = answers.DeepClone(), ["language"] = "en" };
        if (serviceSlug is not null) body["serviceSlug"] = serviceSlug;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/forms/{formId}/submissions" + (lang is null ? "" : "?lang=" + lang))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public static async Task<Answer> GetAsync(HttpClient http, string url, string? token = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public static async Task<List<Submission>> SubmissionsAsync(OneStopApp app, string formId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<Submission>().AsNoTracking()
            .Where(s => s.FormId == formId).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task RetireAsync(OneStopApp app, string formId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<FormVersions>().RetireAsync(formId, null));
        await scope.ServiceProvider.GetRequiredService<OneStopDb>().SaveChangesAsync();
    }

    /// <summary>Saves a definition as the form's draft without publishing it.</summary>
    public static async Task SaveDraftAsync(OneStopApp app, OneStop.Forms.Definitions.FormDefinition definition)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FormVersions>().SaveDraftAsync(definition, null);
        await scope.ServiceProvider.GetRequiredService<OneStopDb>().SaveChangesAsync();
    }

    /// <summary>Makes a demo service start with the form, as the back office would link it.</summary>
    public static async Task<string> LinkServiceAsync(OneStopApp app, string formId, bool allowsGuests)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var service = await db.Services.Where(s => s.StartFormId == null).OrderBy(s => s.Slug).FirstAsync(TestContext.Current.CancellationToken);
        (service.StartFormId, service.AllowsGuests) = (formId, allowsGuests);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return service.Slug;
    }
}
