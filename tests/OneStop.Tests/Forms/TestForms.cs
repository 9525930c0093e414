using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Platform.Database;

namespace OneStop.Tests.Forms;

/// <summary>Arranges forms for tests: publishes a definition as a department would, and builds small ones.</summary>
public static class TestForms
{
    public static Words W(string en) => new() { En = en, ZhHk = en + "（繁）", ZhCn = en + "（简）" };

    /// <summary>Saves and publishes <paramref name="definition"/>; fails the test if the definition has problems.</summary>
    public static async Task<int> PublishAsync(OneStopApp app, FormDefinition definition)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var versions = scope.ServiceProvider.GetRequiredService<FormVersions>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var problems = await versions.CheckAsync(definition);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var version = await versions.SaveDraftAsync(definition, null);
        await db.SaveChangesAsync();
        Assert.True(await versions.PublishAsync(definition.Id, null));
        await db.SaveChangesAsync();
        return version;
    }

    public static Task<int> PublishAsync(OneStopApp app, string json) =>
        PublishAsync(app, DefinitionJson.Parse(json, out var error) ?? throw new InvalidOperationException(error));

    public static FieldDefinition Field(string id, FieldType type, bool required = true) => new() { Id = id, Type = type, Label = W(id), Required = required };

    /// <summary>A one-page form of the given fields, owned by the Transport Department (TD).</summary>
    public static FormDefinition OnePage(string id, params FieldDefinition[] fields) => new()
    {
        Id = id,
        Department = "TD",
        Title = W("Form " + id),
        Pages = [new PageDefinition { Id = "main", Title = W("Main"), Fields = fields }],
    };

    public static JsonObject Answers(params (string Key, JsonNode? Value)[] answers) =>
        new(answers.Select(a => KeyValuePair.Create(a.Key, a.Value)));
}
