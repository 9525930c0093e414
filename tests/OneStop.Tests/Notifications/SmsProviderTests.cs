using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneStop.Notifications;
using OneStop.Notifications.Sms;

namespace OneStop.Tests.Notifications;

/// <summary>The SMS adapters: Twilio's Messages API against a recorded answer, and the sandbox's behaviour.</summary>
public sealed class SmsProviderTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("onestop-sms-unit-").FullName;

    private sealed class FakeTwilio(HttpStatusCode status, string json) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string? Form { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Form = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }

    private static TwilioSms Twilio(FakeTwilio handler) => new(new HttpClient(handler), Microsoft.Extensions.Options.Options.Create(new NotificationOptions
    {
        SmsProvider = SmsProviderKind.Twilio,
        Twilio = new TwilioOptions { AccountSid = "AC0123456789abcdef0123456789abcdef", AuthToken = "secret-token", From = "+85230001234" },
    }), NullLogger<TwilioSms>.Instance);

    // The shape of Twilio's 201 answer to POST /Messages.json (abridged to the fields read and a few beside them).
    private const string Created = """
        {"account_sid": "AC0123456789abcdef0123456789abcdef", "api_version": "2010-04-01", "body": "Hello", "date_created": "Thu, 26 Nov 2026 10:00:00 +0000",
         "direction": "outbound-api", "error_code": null, "error_message": null, "from": "+85230001234", "num_segments": "1",
         "sid": "SM0123456789abcdef0123456789abcdef", "status": "queued", "to": "+85291234567",
         "uri": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM0123456789abcdef0123456789abcdef.json"}
        """;

    [Fact]
    public async Task Twilio_Accepted_PostsTheFormWithBasicAuthAndReturnsTheSid()
    {
        var handler = new FakeTwilio(HttpStatusCode.Created, Created);

        var result = await Twilio(handler).SendAsync(new SmsMessage("+85291234567", "Hello 你好", "delivery:1"), Cancel);

        Assert.Equal(SmsResult.Sent("SM0123456789abcdef0123456789abcdef"), result);
        Assert.Equal(HttpMethod.Post, handler.Request!.Method);
        Assert.Equal("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json", handler.Request.RequestUri!.ToString());
        Assert.Equal("Basic", handler.Request.Headers.Authorization!.Scheme);
        Assert.Equal("AC0123456789abcdef0123456789abcdef:secret-token", Encoding.UTF8.GetString(Convert.FromBase64String(handler.Request.Headers.Authorization.Parameter!)));
        Assert.Equal("application/x-www-form-urlencoded", handler.Request.Content!.Headers.ContentType!.MediaType);
        var form = System.Web.HttpUtility.ParseQueryString(handler.Form!);
        Assert.Equal(("+85291234567", "Hello 你好", "+85230001234"), (form["To"], form["Body"], form["From"]));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 21211, SmsOutcome.PermanentFailure, "sms:invalid-number")]
    [InlineData(HttpStatusCode.BadRequest, 21610, SmsOutcome.PermanentFailure, "sms:opted-out")]
    [InlineData(HttpStatusCode.BadRequest, 21999, SmsOutcome.PermanentFailure, "sms:rejected")]
    [InlineData(HttpStatusCode.TooManyRequests, 20429, SmsOutcome.TransientFailure, "sms:provider-unavailable")]
    [InlineData(HttpStatusCode.ServiceUnavailable, 20500, SmsOutcome.TransientFailure, "sms:provider-unavailable")]
    [InlineData(HttpStatusCode.Unauthorized, 20003, SmsOutcome.TransientFailure, "sms:provider-refused-credentials")]
    public async Task Twilio_Error_IsMappedByItsCode(HttpStatusCode status, int code, SmsOutcome outcome, string failure)
    {
        var json = $$"""{"code": {{code}}, "message": "The 'To' number +85291234567 is not valid.", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{(int)status}}}""";

        var result = await Twilio(new FakeTwilio(status, json)).SendAsync(new SmsMessage("+85291234567", "Hello", "delivery:2"), Cancel);

        Assert.Equal((outcome, failure), (result.Outcome, result.FailureCode));
    }

    private SandboxSms Sandbox(FakeTimeProvider clock) => new(Microsoft.Extensions.Options.Options.Create(new NotificationOptions
    {
        Sandbox = new SandboxSmsOptions { Folder = _folder, PermanentFailureSuffix = "13", TransientFailureSuffix = "77" },
    }), clock);

    [Fact]
    public async Task Sandbox_SameKeyTwice_WritesOneTextWithTheSameId()
    {
        var sandbox = Sandbox(new FakeTimeProvider());

        var first = await sandbox.SendAsync(new SmsMessage("+85291234567", "Hello", "delivery:3"), Cancel);
        var second = await sandbox.SendAsync(new SmsMessage("+85291234567", "Hello", "delivery:3"), Cancel);
        var other = await sandbox.SendAsync(new SmsMessage("+85291234567", "Hello", "delivery:4"), Cancel);

        Assert.Equal(first, second);
        Assert.NotEqual(first.ProviderMessageId, other.ProviderMessageId);
        Assert.Equal(2, Directory.GetFiles(_folder, "*.txt").Length);
    }

    [Fact]
    public async Task Sandbox_ConfiguredFailureEndings_FailAsConfigured()
    {
        var sandbox = Sandbox(new FakeTimeProvider());

        var permanent = await sandbox.SendAsync(new SmsMessage("+85291234513", "Hello", "delivery:5"), Cancel);
        var transient = await sandbox.SendAsync(new SmsMessage("+85291234577", "Hello", "delivery:6"), Cancel);

        Assert.Equal(SmsOutcome.PermanentFailure, permanent.Outcome);
        Assert.Equal(SmsOutcome.TransientFailure, transient.Outcome);
        Assert.Empty(Directory.GetFiles(_folder, "*.txt"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
