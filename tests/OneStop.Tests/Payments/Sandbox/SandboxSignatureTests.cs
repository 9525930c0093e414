using System.Text;
using OneStop.Payments.Sandbox;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>The callback signature, with the worked example of docs/payments/sandbox.md (so the doc stays true).</summary>
public sealed class SandboxSignatureTests
{
    private const string Secret = "sandbox-only-signing-secret-change-me";
    private const string Body = """{"id":"sbx_evt_3f2a","type":"payment.succeeded","created":1767225599,"data":{"checkout":"sbx_cs_9c1d","payment":"0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","reference":"PAY-2026-000123","amount":300.00,"currency":"HKD","method":"card","status":"paid","refund":null,"refundAmount":null}}""";
    private const string Documented = "t=1767225600,v1=5cbfbb285c533fe81d018c1b52b74dc779e80e0baf1472006ba17cab2ef77f3e";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1767225600);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void Sign_DocumentedExample_GivesDocumentedHeader() =>
        Assert.Equal(Documented, SandboxSignature.Sign(Secret, SignedAt, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(0, null)]
    [InlineData(299, null)]
    [InlineData(-299, null)]
    [InlineData(301, "outsideWindow")]
    [InlineData(-301, "outsideWindow")]
    public void Check_DocumentedExampleAtTimes_AcceptedOnlyInsideWindow(int secondsLater, string? expected) =>
        Assert.Equal(expected, SandboxSignature.Check(Secret, Documented, Encoding.UTF8.GetBytes(Body), SignedAt.AddSeconds(secondsLater), Window));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=5cbfbb285c533fe81d018c1b52b74dc779e80e0baf1472006ba17cab2ef77f3e")]
    [InlineData("t=1767225600")]
    [InlineData("t=1767225601,v1=5cbfbb285c533fe81d018c1b52b74dc779e80e0baf1472006ba17cab2ef77f3e")]
    [InlineData("t=1767225600,v1=zz")]
    public void Check_MissingOrWrongParts_BadSignature(string? header) =>
        Assert.Equal("badSignature", SandboxSignature.Check(Secret, header, Encoding.UTF8.GetBytes(Body), SignedAt, Window));

    [Fact]
    public void Check_BodyChangedByOneCharacter_BadSignature() =>
        Assert.Equal("badSignature", SandboxSignature.Check(Secret, Documented, Encoding.UTF8.GetBytes(Body.Replace("300.00", "30.00")), SignedAt, Window));

    [Fact]
    public void Check_OldAndNewSecretDuringRotation_EitherV1Accepted()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var old = SandboxSignature.Sign("the-previous-secret-0123456789", SignedAt, body);
        var both = Documented + ",v1=" + old.Split("v1=")[1];

        Assert.Null(SandboxSignature.Check(Secret, both, body, SignedAt, Window));
    }
}
