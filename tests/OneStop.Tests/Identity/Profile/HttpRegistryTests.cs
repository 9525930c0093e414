using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Identity.Profile;
using OneStop.Identity.Profile.Registry;

namespace OneStop.Tests.Identity.Profile;

/// <summary>The HTTP registry adapter against its documented contract, with a stand-in server.</summary>
public sealed class HttpRegistryTests
{
    private sealed class StandIn(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public string? Request { get; private set; }
        public Uri? Url { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Url = request.RequestUri;
            Request = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        }
    }

    private static RegistryQuery Query => new(HongKongId.Parse("a1234563")!.Value, "CHAN Tai Man", new DateOnly(1980, 8, 13));

    private static async Task<(RegistryMatch, StandIn)> AskAsync(HttpStatusCode status, string body)
    {
        var standIn = new StandIn(status, body);
        var registry = new HttpPopulationRegistry(new HttpClient(standIn) { BaseAddress = new Uri("https://registry.example/v1/") }, NullLogger<HttpPopulationRegistry>.Instance);
        return (await registry.MatchAsync(Query, TestContext.Current.CancellationToken), standIn);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"result":"matched"}""", RegistryMatch.Matched)]
    [InlineData(HttpStatusCode.OK, """{"result":"not-matched"}""", RegistryMatch.NotMatched)]
    [InlineData(HttpStatusCode.OK, """{"result":"maybe"}""", RegistryMatch.Unavailable)]
    [InlineData(HttpStatusCode.OK, "not json", RegistryMatch.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "", RegistryMatch.Unavailable)]
    public async Task Match_RegistryAnswer_MapsToTheOutcome(HttpStatusCode status, string body, RegistryMatch expected)
    {
        var (match, _) = await AskAsync(status, body);

        Assert.Equal(expected, match);
    }

    [Fact]
    public async Task Match_SendsTheDocumentedRequest()
    {
        var (_, standIn) = await AskAsync(HttpStatusCode.OK, """{"result":"matched"}""");

        Assert.Equal("https://registry.example/v1/match", standIn.Url!.AbsoluteUri);
        Assert.Equal("""{"identityCard":"A123456(3)","englishName":"CHAN Tai Man","dateOfBirth":"1980-08-13"}""", standIn.Request);
    }
}
