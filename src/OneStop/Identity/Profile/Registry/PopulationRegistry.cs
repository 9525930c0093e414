using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OneStop.Identity.Profile.Registry;

/// <summary>What the registry is asked: does a resident with this card, English name and date of birth exist?</summary>
public sealed record RegistryQuery(HongKongId IdentityCard, string EnglishName, DateOnly DateOfBirth);

public enum RegistryMatch { Matched, NotMatched, Unavailable }

/// <summary>
/// The population registry that proves a person is who they say. It answers only yes or no: OneStop
/// learns nothing from it that the person did not type.
/// </summary>
public interface IPopulationRegistry
{
    Task<RegistryMatch> MatchAsync(RegistryQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Names compare without case, extra spaces or the commas and hyphens people add (CHAN, Tai-man = CHAN TAI MAN).</summary>
public static class EnglishNames
{
    public static string Normalise(string name) =>
        string.Join(' ', name.ToUpperInvariant().Split([' ', ',', '-', '.', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Fictional residents from an embedded JSON file, for development, tests and demonstrations.</summary>
public sealed class SandboxPopulationRegistry : IPopulationRegistry
{
    public static readonly IReadOnlyList<SandboxResident> Residents = Load();

    public Task<RegistryMatch> MatchAsync(RegistryQuery query, CancellationToken cancellationToken = default)
    {
        var resident = Residents.FirstOrDefault(r => r.Card == query.IdentityCard);
        if (resident is null) return Task.FromResult(RegistryMatch.NotMatched);
        if (resident.Simulate == "unavailable") return Task.FromResult(RegistryMatch.Unavailable);
        var matched = EnglishNames.Normalise(resident.NameEnglish) == EnglishNames.Normalise(query.EnglishName) && resident.DateOfBirth == query.DateOfBirth;
        return Task.FromResult(matched ? RegistryMatch.Matched : RegistryMatch.NotMatched);
    }

    private static List<SandboxResident> Load()
    {
        using var stream = typeof(SandboxPopulationRegistry).Assembly.GetManifestResourceStream("OneStop.Identity.Profile.Registry.sandbox-residents.json")!;
        var residents = JsonSerializer.Deserialize<List<SandboxResident>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        foreach (var r in residents.Where(r => HongKongId.Parse(r.IdentityCard) is null))
            throw new InvalidOperationException($"Sandbox resident {r.NameEnglish} has an invalid identity card number.");
        return residents;
    }
}

public sealed record SandboxResident(string IdentityCard, string NameEnglish, string NameChinese, DateOnly DateOfBirth, string Sex, string? Simulate = null)
{
    public HongKongId Card => HongKongId.Parse(IdentityCard)!.Value;
}

/// <summary>
/// A registry behind HTTP: <c>POST {BaseUrl}/match</c> with {"identityCard","englishName","dateOfBirth"},
/// answering 200 {"result":"matched"|"not-matched"}. Anything else (timeouts, 5xx, another body) is "unavailable",
/// so a registry outage never counts against the person's attempts.
/// </summary>
public sealed class HttpPopulationRegistry(HttpClient http, ILogger<HttpPopulationRegistry> log) : IPopulationRegistry
{
    public async Task<RegistryMatch> MatchAsync(RegistryQuery query, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("match", new
            {
                identityCard = query.IdentityCard.ToString(),
                englishName = query.EnglishName,
                dateOfBirth = query.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("The population registry answered {Status}", (int)response.StatusCode);
                return RegistryMatch.Unavailable;
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.TryGetProperty("result", out var result) ? result.GetString() switch
            {
                "matched" => RegistryMatch.Matched,
                "not-matched" => RegistryMatch.NotMatched,
                _ => RegistryMatch.Unavailable,
            } : RegistryMatch.Unavailable;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or NotSupportedException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            // Never log the query: it is personal data.
            log.LogWarning("The population registry did not answer: {Error}", e.GetType().Name);
            return RegistryMatch.Unavailable;
        }
    }
}

internal static class PopulationRegistrySetup
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PopulationRegistryOptions>().Bind(configuration.GetSection(PopulationRegistryOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != RegistryProvider.Http || o.BaseUrl is { IsAbsoluteUri: true },
                "PopulationRegistry:BaseUrl (an absolute URL) is required when PopulationRegistry:Provider is Http.")
            .ValidateOnStart();
        var options = configuration.GetSection(PopulationRegistryOptions.Section).Get<PopulationRegistryOptions>() ?? new();
        if (options.Provider == RegistryProvider.Http)
        {
            services.AddHttpClient<IPopulationRegistry, HttpPopulationRegistry>((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<PopulationRegistryOptions>>().Value;
                // A trailing slash keeps the base's path when "match" is resolved against it.
                http.BaseAddress = o.BaseUrl is { } b && !b.AbsoluteUri.EndsWith('/') ? new Uri(b.AbsoluteUri + "/") : o.BaseUrl;
                http.Timeout = o.Timeout;
                if (o.ApiKey is { Length: > 0 } key) http.DefaultRequestHeaders.Authorization = new("Bearer", key);
            });
        }
        else
        {
            services.AddSingleton<IPopulationRegistry, SandboxPopulationRegistry>();
        }
    }
}
