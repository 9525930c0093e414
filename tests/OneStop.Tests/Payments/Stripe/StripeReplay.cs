using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace OneStop.Tests.Payments.Stripe;

/// <summary>One request OneStop sent to Stripe, as Stripe would see it.</summary>
public sealed record StripeCall(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// Stands in for api.stripe.com: records every request OneStop sends (form fields, query, headers) and answers
/// with a recorded payload from Recorded/ (tokens such as <c>{{payment_id}}</c> filled in). A request with no
/// recorded answer gets a Stripe-shaped 404, which Stripe.net does not retry, and stays in <see cref="Calls"/>.
/// </summary>
public sealed class StripeReplay
{
    private readonly List<(string Method, string Path, Func<StripeCall, bool> When, HttpStatusCode Status, string File)> _answers = [];
    private readonly List<StripeCall> _calls = [];
    private readonly Lock _gate = new();

    /// <summary>Values for the <c>{{name}}</c> tokens in recorded payloads.</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    public IReadOnlyList<StripeCall> Calls { get { lock (_gate) return _calls.ToList(); } }

    /// <summary>When set, every request fails as if the network were down (after being recorded).</summary>
    public bool Unreachable { get; set; }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (when <paramref name="when"/> holds) with a recorded file; the first match wins.</summary>
    public StripeReplay Answer(string method, string path, string file, HttpStatusCode status = HttpStatusCode.OK, Func<StripeCall, bool>? when = null)
    {
        lock (_gate) _answers.Add((method, path, when ?? (_ => true), status, file));
        return this;
    }

    public HttpMessageHandler Handler() => new Replaying(this);

    /// <summary>A recorded payload with the tokens filled in.</summary>
    public static string Recorded(string file, IReadOnlyDictionary<string, string> tokens)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), "Recorded", file));
        foreach (var (name, value) in tokens) text = text.Replace("{{" + name + "}}", value);
        return text;
    }

    /// <summary>
    /// The recorded payloads are read where they are in the source tree (this file's folder), so they need no
    /// entry in the test project file.
    /// </summary>
    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Stripe's webhook signature: <c>t={unix},v1=hex(HMAC-SHA256(secret, "{t}.{payload}"))</c>, computed here independently of Stripe.net.</summary>
    public static string Sign(string secret, DateTimeOffset at, string payload)
    {
        var t = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers.AsEnumerable() ?? [])
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var call = new StripeCall(request.Method.Method, request.RequestUri!.AbsolutePath, Flatten(QueryHelpers.ParseQuery(request.RequestUri.Query)),
            Flatten(QueryHelpers.ParseQuery(body)), headers);
        (HttpStatusCode Status, string File)? answer;
        lock (_gate)
        {
            _calls.Add(call);
            if (Unreachable) throw new HttpRequestException("Connection refused (replayed)");
            answer = _answers.Where(a => a.Method == call.Method && a.Path == call.Path && a.When(call)).Select(a => ((HttpStatusCode, string)?)(a.Status, a.File)).FirstOrDefault();
        }
        var (status, json) = answer is { } found
            ? (found.Status, Recorded(found.File, Tokens))
            : (HttpStatusCode.NotFound, System.Text.Json.JsonSerializer.Serialize(new { error = new { message = $"No recorded answer for {call.Method} {call.Path}", type = "invalid_request_error" } }));
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { { "Request-Id", "req_replay" } },
            RequestMessage = request,
        };
    }

    private static Dictionary<string, string> Flatten(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> values) =>
        values.ToDictionary(v => v.Key, v => v.Value.ToString());

    private sealed class Replaying(StripeReplay replay) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            replay.AnswerAsync(request, cancellationToken);
    }
}
