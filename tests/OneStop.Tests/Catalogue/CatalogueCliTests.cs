using System.Text;
using System.Text.Json;
using OneStop.Tests.Infrastructure;

namespace OneStop.Tests.Catalogue;

/// <summary>catalogue import / export and migrate, through the real command line, on each provider.</summary>
public abstract class CatalogueCliTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        _ = _app.Server; // start it: migrated and seeded before the CLI runs
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private static string TempFile(string extension, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("onestop-file-").FullName, "catalogue" + extension);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private const string NewDepartmentJson = """
        {
          "departments": [
            { "code": "TST", "name": { "en": "Testing Office", "zh-HK": "測試辦事處", "zh-CN": "测试办事处" }, "website": "https://www.tst.gov.example" }
          ],
          "services": [
            {
              "slug": "register-a-kite", "department": "TST", "status": "live", "categories": ["%CATEGORY%"],
              "channels": ["online-submission", "e-payment"],
              "name": { "en": "Register a kite", "zh-HK": "登記風箏", "zh-CN": "登记风筝" },
              "summary": { "en": "Tell us about your kite.", "zh-HK": "向我們申報你的風箏。", "zh-CN": "向我们申报你的风筝。" },
              "body": { "en": "## What you need\n\n- the kite\n\n<script>alert(1)</script>", "zh-HK": "帶同風箏。", "zh-CN": "带同风筝。" },
              "pledgedWorkingDays": 3, "usage": 12
            }
          ]
        }
        """;

    private async Task<string> AnyDepartmentAsync() =>
        (await _app.CreateClient().GetJsonAsync("/api/v1/services?pageSize=1")).GetProperty("items")[0].GetProperty("department").GetString()!;

    private async Task<string> AnyCategoryAsync() =>
        (await _app.CreateClient().GetJsonAsync("/api/v1/services?pageSize=1")).GetProperty("facets").GetProperty("categories")[0].GetProperty("value").GetString()!;

    [Fact]
    public async Task CatalogueImport_ValidJson_ImportsAndTheServiceIsFoundAndCounted()
    {
        var client = _app.CreateClient();
        var before = (await client.GetJsonAsync("/api/v1/insights/digitisation")).GetProperty("services").GetInt32();
        var file = TempFile(".json", NewDepartmentJson.Replace("%CATEGORY%", await AnyCategoryAsync()));

        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Imported 1 departments, 0 categories and 1 services", result.Output);
        var found = await client.GetJsonAsync($"/api/v1/services?q={Uri.EscapeDataString("风筝")}");
        Assert.Equal(["register-a-kite"], found.Slugs());
        var service = await client.GetJsonAsync("/api/v1/services/register-a-kite");
        Assert.DoesNotContain("<script>", service.GetProperty("bodyHtml").GetString());
        Assert.Equal(before + 1, (await client.GetJsonAsync("/api/v1/insights/digitisation")).GetProperty("services").GetInt32());
    }

    [Fact]
    public async Task CatalogueImport_CsvWithBadRows_RejectsTheWholeFileAndReportsEveryBadLine()
    {
        var category = await AnyCategoryAsync();
        var department = await AnyDepartmentAsync();
        string Row(string slug, string dept, string channels, string nameZhCn, string body = "") =>
            $"{slug},{dept},live,{category},{channels},Name,名稱,{nameZhCn},Summary,摘要,摘要,{body},{body},{body},,,,,,,5,,10";
        var csv = string.Join("\n",
            string.Join(",", OneStop.Catalogue.Import.CatalogueCsv.Header),
            Row("good-row-service", department, "counter", "名称", "\"A body\nover two lines\""), // lines 2-5: three bodies of two lines each
            Row("unknown-department-service", "NOPE", "counter", "名称"),                           // line 6
            Row("missing-chinese-service", department, "counter", ""),                             // line 7
            Row("bad-channel-service", department, "fax", "名称"));                                 // line 8
        var file = TempFile(".csv", csv);

        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);

        Assert.True(result.ExitCode == 1, result.Error);
        Assert.Contains("Nothing was imported: 3 problem(s)", result.Error);
        Assert.Contains("line 6 (row 2): department 'NOPE' does not exist.", result.Error);
        Assert.Contains("line 7 (row 3): name has no Simplified Chinese (zh-CN) text.", result.Error);
        Assert.Contains("line 8 (row 4): channel 'fax' must be one of", result.Error);
        var (status, _) = await _app.CreateClient().GetTextAsync("/api/v1/services/good-row-service");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task CatalogueExport_ImportedIntoAnEmptyDatabase_ExportsTheSameFile()
    {
        var folder = Directory.CreateTempSubdirectory("onestop-export-").FullName;
        var first = Path.Combine(folder, "first.json");
        var second = Path.Combine(folder, "second.json");
        Assert.Equal(0, (await Cli.RunAsync(["catalogue", "export", first, .. _app.CliConfiguration])).ExitCode);

        await using var empty = new OneStopApp(provider, seed: false);
        var import = await Cli.RunAsync(["catalogue", "import", first, .. empty.CliConfiguration]);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(0, (await Cli.RunAsync(["catalogue", "export", second, .. empty.CliConfiguration])).ExitCode);

        Assert.Equal(await File.ReadAllTextAsync(first, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(second, TestContext.Current.CancellationToken));
        using var exported = JsonDocument.Parse(await File.ReadAllTextAsync(first, TestContext.Current.CancellationToken));
        Assert.True(exported.RootElement.GetProperty("services").GetArrayLength() >= 80);
    }

    [Fact]
    public async Task CatalogueExportCsv_ImportedBack_IsAcceptedUnchanged()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("onestop-export-").FullName, "services.csv");
        Assert.Equal(0, (await Cli.RunAsync(["catalogue", "export", file, .. _app.CliConfiguration])).ExitCode);
        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"Imported 0 departments, 0 categories and \d{2,} services", result.Output);
    }

    [Fact]
    public async Task CatalogueImport_LargeFile_ReportsProgress()
    {
        var category = await AnyCategoryAsync();
        var department = await AnyDepartmentAsync();
        var rows = Enumerable.Range(1, 1500).Select(i =>
            $"generated-service-{i},{department},live,{category},online-submission,Service {i},服務{i},服务{i},Summary {i},摘要,摘要,,,,,,,,,,,,{i}");
        var file = TempFile(".csv", string.Join("\n", [string.Join(",", OneStop.Catalogue.Import.CatalogueCsv.Header), .. rows]));

        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("written: 1500/1500 services", result.Error);
        Assert.Contains("written: 500/1500 services", result.Error);
        var last = await _app.CreateClient().GetJsonAsync("/api/v1/services/generated-service-1500");
        Assert.Equal("Service 1500", last.GetProperty("name").GetString());
    }

    [Fact]
    public async Task CatalogueImport_CsvNotInUtf8_IsRejectedInsteadOfStoringGarbage()
    {
        var csv = string.Join(",", OneStop.Catalogue.Import.CatalogueCsv.Header) + "\n" + "x,TD,live,transport,counter,Name,";
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(csv)) { 0xB9, 0x42 }; // 申 in Big5: not UTF-8
        var file = TempFile(".csv", "");
        await File.WriteAllBytesAsync(file, [.. bytes], TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2 (encoding): The file is not UTF-8 text.", result.Error);
    }

    [Fact]
    public async Task CatalogueImport_TextLongerThanItsColumn_IsRejectedOnEveryProvider()
    {
        var file = TempFile(".json", NewDepartmentJson.Replace("%CATEGORY%", await AnyCategoryAsync())
            .Replace("Tell us about your kite.", new string('k', 1500)));

        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("summary in English (en) is 1500 characters long; the most is 1000.", result.Error);
    }

    [Fact]
    public async Task CatalogueImport_JsonWithByteOrderMarkAndAnEmptyRow_ReadsTheFileAndNamesTheRow()
    {
        var file = TempFile(".json", "\uFEFF{ \"services\": [ null ] }");

        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(services[0]): is empty.", result.Error);
    }

    [Fact]
    public async Task CatalogueImport_JsonWithMisspeltField_IsRejectedNamingTheField()
    {
        var file = TempFile(".json", NewDepartmentJson.Replace("%CATEGORY%", await AnyCategoryAsync())
            .Replace("\"pledgedWorkingDays\"", "\"pledgedWorkDays\""));

        var result = await Cli.RunAsync(["catalogue", "import", file, .. _app.CliConfiguration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown field 'pledgedWorkDays'", result.Error);
        Assert.Equal(404, (await _app.CreateClient().GetTextAsync("/api/v1/services/register-a-kite")).Status);
    }

    [Theory]
    [InlineData("catalogue import file.txt", 2, "must end in .json or .csv")]
    [InlineData("catalogue import /no/such/file.json", 2, "There is no file")]
    [InlineData("catalogue", 2, "Usage: catalogue import FILE")]
    [InlineData("frobnicate", 2, "Unknown command 'frobnicate'")]
    [InlineData("catalogue export /no/such/folder/x.json", 2, "There is no folder '/no/such/folder'")]
    public async Task Cli_BadArguments_ExplainsAndExitsWith2(string command, int exitCode, string message)
    {
        var result = await Cli.RunAsync([.. command.Split(' '), .. _app.CliConfiguration]);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Migrate_OnANewDatabase_CreatesTheSchemaWithoutStartingTheServer()
    {
        await using var fresh = new OneStopApp(provider, seed: false) { MigrateOnStart = false };
        var client = fresh.CreateClient();
        Assert.Equal(503, (await client.GetTextAsync("/health/ready")).Status);

        var result = await Cli.RunAsync(["migrate", .. fresh.CliConfiguration]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("The database is up to date.", result.Output);
        Assert.Equal("Healthy", (await client.GetTextAsync("/health/ready")).Body);
    }
}

public sealed class CatalogueCliTests_Sqlite() : CatalogueCliTests(Provider.Sqlite);

public sealed class CatalogueCliTests_Postgres() : CatalogueCliTests(Provider.Postgres);
