using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Platform.Database;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Import;

/// <summary><c>forms import PATH</c> through the real command line: all or nothing per form, every problem reported.</summary>
public abstract class FormsImportCliTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        _ = _app.Server; // migrated and seeded before the CLI runs
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Folder(params (string Name, string Json)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("onestop-forms-").FullName;
        foreach (var (name, json) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
            File.WriteAllText(Path.Combine(folder, name), json);
        }
        return folder;
    }

    private static string Json(FormDefinition definition) => DefinitionJson.Write(definition);

    private async Task<List<FormVersion>> VersionsAsync(string formId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<FormVersion>()
            .Where(v => v.FormId == formId).OrderBy(v => v.Version).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Import_FolderWithOneBadForm_PublishesTheOthersAndReportsEveryProblem()
    {
        var good = OnePage("td-import-good", Field("plate", FieldType.Text));
        var bad = OnePage("td-import-bad", Field("colour", FieldType.Radios), Field("colour", FieldType.Text)) with { Department = "NOPE" };
        var folder = Folder(("a/good.json", Json(good)), ("b/bad.json", Json(bad)), ("c/broken.json", "{ \"id\": "));

        var result = await Cli.RunAsync(["forms", "import", folder, .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("3 file(s)", result.Output);
        Assert.Contains("1 published", result.Output);
        Assert.Contains("2 not imported", result.Output);
        Assert.Contains("b/bad.json (td-import-bad): not imported", result.Error);
        Assert.Contains("List the options to choose from", result.Error);
        Assert.Contains("Another field is already called 'colour'", result.Error);
        Assert.Contains("There is no department with the code 'NOPE'", result.Error);
        Assert.Contains("c/broken.json: not imported", result.Error);
        Assert.Equal(VersionState.Published, Assert.Single(await VersionsAsync("td-import-good")).State);
        Assert.Empty(await VersionsAsync("td-import-bad"));
    }

    [Fact]
    public async Task Import_ZipRunTwiceThenChanged_PublishesOnceThenLeavesAloneThenMakesVersionTwo()
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("onestop-forms-").FullName, "forms.zip");
        void WriteZip(FormDefinition definition)
        {
            File.Delete(zip);
            using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
            using var writer = new StreamWriter(archive.CreateEntry("TD/plates.json").Open());
            writer.Write(Json(definition));
        }
        var first = OnePage("td-import-zip", Field("plate", FieldType.Text));
        WriteZip(first);

        Assert.Equal(0, (await Cli.RunAsync(["forms", "import", zip, .. _app.CliConfiguration])).ExitCode);
        var again = await Cli.RunAsync(["forms", "import", zip, .. _app.CliConfiguration]);
        WriteZip(first with { Title = W("Renamed") });
        var changed = await Cli.RunAsync(["forms", "import", zip, .. _app.CliConfiguration]);

        Assert.Contains("1 unchanged", again.Output);
        Assert.Contains("1 published", changed.Output);
        var versions = await VersionsAsync("td-import-zip");
        Assert.Equal([(1, VersionState.Superseded), (2, VersionState.Published)], versions.Select(v => (v.Version, v.State)));
        Assert.Contains("Renamed", versions[1].Definition);
        Assert.DoesNotContain("Renamed", versions[0].Definition);
    }

    [Fact]
    public async Task Import_SameIdTwiceInOneImport_RefusesTheSecond()
    {
        var folder = Folder(("1.json", Json(OnePage("td-twice", Field("a", FieldType.Text)))), ("2.json", Json(OnePage("td-twice", Field("b", FieldType.Text)))));

        var result = await Cli.RunAsync(["forms", "import", folder, .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The form 'td-twice' is also in 1.json", result.Error);
        Assert.Single(await VersionsAsync("td-twice"));
    }

    [Fact]
    public async Task Import_FileOverTheSizeLimit_IsRefusedUnread()
    {
        var huge = "{\"id\": \"td-huge\", \"padding\": \"" + new string('x', 3 * 1024 * 1024) + "\"}";
        var folder = Folder(("huge.json", huge), ("ok.json", Json(OnePage("td-fine", Field("a", FieldType.Text)))));

        var result = await Cli.RunAsync(["forms", "import", folder, .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("huge.json: not imported", result.Error);
        Assert.Contains("larger than 2 MB", result.Error);
        Assert.Single(await VersionsAsync("td-fine"));
    }

    [Fact]
    public async Task Import_NoSuchPath_SaysSoAndExitsWithUsageError()
    {
        var result = await Cli.RunAsync(["forms", "import", "/nowhere/forms", .. _app.CliConfiguration]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no folder or .zip file '/nowhere/forms'", result.Error);
    }
}

public sealed class FormsImportCliSqliteTests() : FormsImportCliTests(Provider.Sqlite);

public sealed class FormsImportCliPostgresTests() : FormsImportCliTests(Provider.Postgres);
