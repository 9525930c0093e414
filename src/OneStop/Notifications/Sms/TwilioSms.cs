using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OneStop.Notifications.Sms;

/// <summary>
/// Twilio's Messages REST API: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>, form-encoded, Basic
/// auth with the account SID and auth token. 201 answers the message's <c>sid</c>; an error answers
/// <c>{"code": 21211, "message": …, "status": 400}</c>, which is mapped to a short code by its number.
/// Twilio takes no idempotency key for messages, so a crash between its answer and our record can send a
/// text twice (see docs/notifications.md); the claim on the delivery rules out every other repeat.
/// </summary>
internal sealed class TwilioSms(HttpClient http, IOptions<NotificationOptions> options, ILogger<TwilioSms> logger) : ISmsProvider
{
    // Errors about the recipient: sending again will not help, email will.
    private static readonly IReadOnlyDictionary<int, string> Permanent = new Dictionary<int, string>
    {
        [21211] = "sms:invalid-number",
        [21214] = "sms:unreachable",
        [21217] = "sms:invalid-number",
        [21408] = "sms:region-not-enabled",
        [21610] = "sms:opted-out",
        [21612] = "sms:unreachable",
        [21614] = "sms:not-mobile",
    };

    public async Task<SmsResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value.Twilio;
        var fields = new List<KeyValuePair<string, string>> { new("To", message.To), new("Body", message.Body) };
        fields.Add(string.IsNullOrWhiteSpace(o.MessagingServiceSid) ? new("From", o.From!) : new("MessagingServiceSid", o.MessagingServiceSid));
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{o.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(o.AccountSid!)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}")));

        HttpResponseMessage response;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(o.Timeout);
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (HttpRequestException)
        {
            return SmsResult.Transient("sms:provider-unreachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SmsResult.Transient("sms:provider-timeout");
        }

        using (response)
        {
            var (sid, code) = await ReadAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && sid is not null) return SmsResult.Sent(sid);
            // The error's number only: its message may quote the phone number.
            logger.LogWarning("Twilio refused a message with status {Status} and error {Code}", (int)response.StatusCode, code);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500) return SmsResult.Transient("sms:provider-unavailable");
            // Our credentials or account, not the recipient: retried while someone fixes it.
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return SmsResult.Transient("sms:provider-refused-credentials");
            if (code is { } c && Permanent.TryGetValue(c, out var known)) return SmsResult.Permanent(known);
            return response.IsSuccessStatusCode ? SmsResult.Transient("sms:provider-unreadable") : SmsResult.Permanent("sms:rejected");
        }
    }

    private static async Task<(string? Sid, int? Code)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = json.RootElement;
            var sid = root.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
            return (sid, code);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
