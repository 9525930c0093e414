using System.Net;
using System.Text.Json;
using OneStop.Tests.Infrastructure;

namespace OneStop.Tests.Catalogue;

/// <summary>The catalogue API over the demo catalogue, on each database provider.</summary>
public abstract class ServicesApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.Client();

    [Fact]
    public async Task ListServices_WithoutQuery_PagesThroughEveryListedServiceByUse()
    {
        var first = await Client.GetJsonAsync("/api/v1/services?pageSize=100");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 80, $"the demo catalogue lists {total} services");
        var second = await Client.GetJsonAsync("/api/v1/services?pageSize=100&page=2");
        var slugs = first.Slugs().Concat(second.Slugs()).ToList();
        Assert.Equal(total, slugs.Count);
        Assert.Equal(total, slugs.Distinct().Count());
    }

    [Fact]
    public async Task ListServices_Item_HasTheDocumentedShape()
    {
        var list = await Client.GetJsonAsync("/api/v1/services?q=passport");
        var item = list.GetProperty("items")[0];
        foreach (var field in new[] { "slug", "name", "summary", "department", "url", "channels" })
            Assert.True(item.TryGetProperty(field, out _), $"item has no '{field}'");
        Assert.StartsWith("http://localhost/services/", item.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Array, item.GetProperty("channels").ValueKind);
    }

    [Theory]
    [InlineData("passport")]      // English
    [InlineData("pasport")]       // one typo
    [InlineData("護照")]           // Traditional, two characters
    [InlineData("护照")]           // Simplified, two characters
    public async Task ListServices_PassportInAnyLanguage_FindsThePassportService(string q)
    {
        var list = await Client.GetJsonAsync($"/api/v1/services?q={Uri.EscapeDataString(q)}&lang=en");
        var names = list.GetProperty("items").EnumerateArray().Take(3).Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Contains(names, n => n.Contains("passport", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ListServices_Typo_SaysWhatItSearchedFor()
    {
        var typo = await Client.GetJsonAsync("/api/v1/services?q=pasport");
        var exact = await Client.GetJsonAsync("/api/v1/services?q=passport");
        Assert.Equal("passport", typo.GetProperty("correctedQuery").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, exact.GetProperty("correctedQuery").ValueKind);
    }

    [Theory]
    [InlineData("HKID")]
    [InlineData("id card")]
    public async Task ListServices_LocalAbbreviation_FindsIdentityCardServicesAndSaysSo(string q)
    {
        var list = await Client.GetJsonAsync($"/api/v1/services?q={Uri.EscapeDataString(q)}");
        Assert.Equal("identity card", list.GetProperty("correctedQuery").GetString());
        Assert.Contains("identity card", list.GetProperty("items")[0].GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ListServices_DepartmentName_FindsItsServices()
    {
        var list = await Client.GetJsonAsync("/api/v1/services?q=immigration&pageSize=100");
        Assert.True(list.GetProperty("total").GetInt32() >= 5);
        Assert.Contains("IMMD", list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("department").GetString()));
    }

    [Fact]
    public async Task ListServices_AmericanSpelling_FindsBritishSpelling()
    {
        var license = await Client.GetJsonAsync("/api/v1/services?q=license&pageSize=100");
        var licence = await Client.GetJsonAsync("/api/v1/services?q=licence&pageSize=100");
        Assert.True(license.GetProperty("total").GetInt32() > 3);
        Assert.Equal(licence.Slugs().Order(), license.Slugs().Order());
    }

    [Fact]
    public async Task ListServices_SimplifiedQuery_FindsTheSameAsTraditional()
    {
        var traditional = await Client.GetJsonAsync($"/api/v1/services?q={Uri.EscapeDataString("駕駛執照")}");
        var simplified = await Client.GetJsonAsync($"/api/v1/services?q={Uri.EscapeDataString("驾驶执照")}");
        Assert.NotEqual(0, traditional.GetProperty("total").GetInt32());
        Assert.Equal(traditional.Slugs(), simplified.Slugs());
    }

    [Fact]
    public async Task ListServices_LangZhHk_ReturnsTraditionalNamesAndChineseUrls()
    {
        var list = await Client.GetJsonAsync("/api/v1/services?q=passport&lang=zh-HK");
        var item = list.GetProperty("items")[0];
        Assert.Contains("護照", item.GetProperty("name").GetString());
        Assert.Contains("/zh-hk/services/", item.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ListServices_FilterByDepartment_ReturnsOnlyThatDepartmentWithDisjunctiveFacets()
    {
        var all = await Client.GetJsonAsync("/api/v1/services?pageSize=1");
        var departments = all.GetProperty("facets").GetProperty("departments").EnumerateArray().ToList();
        Assert.Equal(all.GetProperty("total").GetInt32(), departments.Sum(d => d.GetProperty("count").GetInt32()));

        var code = departments[0].GetProperty("value").GetString();
        var filtered = await Client.GetJsonAsync($"/api/v1/services?department={code}&pageSize=100");
        Assert.Equal(departments[0].GetProperty("count").GetInt32(), filtered.GetProperty("total").GetInt32());
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal(code, i.GetProperty("department").GetString()));
        // The department facet still offers the other departments.
        Assert.Equal(departments.Count, filtered.GetProperty("facets").GetProperty("departments").GetArrayLength());
    }

    [Fact]
    public async Task ListServices_TopicAndAudience_ReturnsServicesInBothWithEachGroupCountedApart()
    {
        var all = (await Client.GetJsonAsync("/api/v1/services?pageSize=1")).GetProperty("facets").GetProperty("categories").EnumerateArray().ToList();
        var topic = all.First(c => c.GetProperty("facet").GetString() == "topic").GetProperty("value").GetString();

        var byTopic = await Client.GetJsonAsync($"/api/v1/services?category={topic}&pageSize=1");
        var categories = byTopic.GetProperty("facets").GetProperty("categories").EnumerateArray().ToList();
        // Choosing a topic leaves the other topics on offer, with their own counts.
        Assert.True(categories.Count(c => c.GetProperty("facet").GetString() == "topic") > 1);
        var audience = categories.First(c => c.GetProperty("facet").GetString() == "audience");

        var both = await Client.GetJsonAsync($"/api/v1/services?category={topic}&category={audience.GetProperty("value").GetString()}&pageSize=100");

        Assert.Equal(audience.GetProperty("count").GetInt32(), both.GetProperty("total").GetInt32());
        foreach (var slug in both.Slugs().Take(5))
        {
            var service = await Client.GetJsonAsync($"/api/v1/services/{slug}");
            var slugs = service.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("slug").GetString()).ToList();
            Assert.Contains(topic, slugs);
            Assert.Contains(audience.GetProperty("value").GetString(), slugs);
        }
    }

    [Fact]
    public async Task ListServices_FilterByChannel_EveryItemHasThatChannel()
    {
        var list = await Client.GetJsonAsync("/api/v1/services?channel=e-payment&pageSize=100");
        Assert.NotEqual(0, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), i =>
            Assert.Contains("e-payment", i.GetProperty("channels").EnumerateArray().Select(c => c.GetString())));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("channel=fax", "channel")]
    [InlineData("department=NOPE", "department")]
    [InlineData("category=no-such-category", "category")]
    [InlineData("lang=fr", "lang")]
    public async Task ListServices_BadParameter_Answers400ProblemDetailsNamingIt(string query, string parameter)
    {
        using var response = await Client.GetAsync($"/api/v1/services?{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task ListServices_PageFarPastTheEnd_AnswersEmptyAtOnce()
    {
        var list = await Client.GetJsonAsync("/api/v1/services?q=licence&page=100000&pageSize=100");
        Assert.True(list.GetProperty("total").GetInt32() > 0);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Api_UnderALanguagePrefix_IsNotAnAddress()
    {
        Assert.Equal(404, (await Client.GetTextAsync("/zh-hk/api/v1/services")).Status);
    }

    [Fact]
    public async Task ListServices_QueryTooLong_Answers400()
    {
        using var response = await Client.GetAsync($"/api/v1/services?q={new string('a', 201)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetService_UnknownSlug_Answers404ProblemDetails()
    {
        using var response = await Client.GetAsync("/api/v1/services/no-such-service", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetService_InSimplifiedChinese_ReturnsSimplifiedContentAndDepartment()
    {
        var slug = (await Client.GetJsonAsync("/api/v1/services?q=passport")).Slugs().First();
        var service = await Client.GetJsonAsync($"/api/v1/services/{slug}?lang=zh-CN");
        Assert.Equal("zh-CN", service.GetProperty("language").GetString());
        Assert.Contains("护照", service.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(service.GetProperty("department").GetProperty("name").GetString()));
        Assert.Contains("<p class=\"govuk-body\">", service.GetProperty("bodyHtml").GetString());
    }
}

public sealed class ServicesApiTests_Sqlite(SqliteFixture fixture) : ServicesApiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ServicesApiTests_Postgres(PostgresFixture fixture) : ServicesApiTests(fixture), IClassFixture<PostgresFixture>;
