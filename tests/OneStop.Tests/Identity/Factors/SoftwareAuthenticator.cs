using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneStop.Tests.Identity.Factors;

/// <summary>
/// A passkey authenticator in software, for tests: an EC P-256 key, a "none" attestation when created, and
/// signed assertions when used, built byte by byte the way WebAuthn (Level 3) lays them out. It answers the
/// options a page puts in data-options, exactly as passkeys.js hands them to the browser.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, AttestedCredentialData = 0x40;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _signCount;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);
    public string Id => Base64Url.EncodeToString(CredentialId);
    public byte[]? UserHandle { get; private set; }
    public string Origin { get; init; } = "http://localhost";

    /// <summary>The JSON of the PublicKeyCredential navigator.credentials.create would give.</summary>
    public string Create(string creationOptionsJson)
    {
        using var options = JsonDocument.Parse(creationOptionsJson);
        var root = options.RootElement;
        var rpId = root.GetProperty("rp").GetProperty("id").GetString()!;
        UserHandle = Base64Url.DecodeFromChars(root.GetProperty("user").GetProperty("id").GetString()!);
        var clientData = ClientData("webauthn.create", root.GetProperty("challenge").GetString()!);

        var point = _key.ExportParameters(false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1); cose.WriteInt32(2);   // kty: EC2
        cose.WriteInt32(3); cose.WriteInt32(-7);  // alg: ES256
        cose.WriteInt32(-1); cose.WriteInt32(1);  // crv: P-256
        cose.WriteInt32(-2); cose.WriteByteString(point.X!);
        cose.WriteInt32(-3); cose.WriteByteString(point.Y!);
        cose.WriteEndMap();

        var credentialIdLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(credentialIdLength, (ushort)CredentialId.Length);
        byte[] authenticatorData =
        [
            .. AuthenticatorData(rpId, UserPresent | UserVerified | AttestedCredentialData, 0),
            .. new byte[16], // AAGUID: none
            .. credentialIdLength,
            .. CredentialId,
            .. cose.Encode(),
        ];

        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt"); attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt"); attestation.WriteStartMap(0); attestation.WriteEndMap();
        attestation.WriteTextString("authData"); attestation.WriteByteString(authenticatorData);
        attestation.WriteEndMap();

        return JsonSerializer.Serialize(new
        {
            id = Id,
            rawId = Id,
            type = "public-key",
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                attestationObject = Base64Url.EncodeToString(attestation.Encode()),
                transports = new[] { "internal" },
            },
            clientExtensionResults = new { },
            authenticatorAttachment = "platform",
        });
    }

    /// <summary>The JSON of the PublicKeyCredential navigator.credentials.get would give.</summary>
    public string Get(string requestOptionsJson, Action<byte[]>? tamper = null)
    {
        using var options = JsonDocument.Parse(requestOptionsJson);
        var root = options.RootElement;
        var clientData = ClientData("webauthn.get", root.GetProperty("challenge").GetString()!);
        var authenticatorData = AuthenticatorData(root.GetProperty("rpId").GetString()!, UserPresent | UserVerified, ++_signCount);
        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        tamper?.Invoke(signature);
        return JsonSerializer.Serialize(new
        {
            id = Id,
            rawId = Id,
            type = "public-key",
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                authenticatorData = Base64Url.EncodeToString(authenticatorData),
                signature = Base64Url.EncodeToString(signature),
                userHandle = UserHandle is null ? null : Base64Url.EncodeToString(UserHandle),
            },
            clientExtensionResults = new { },
            authenticatorAttachment = "platform",
        });
    }

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin = Origin, crossOrigin = false }));

    private static byte[] AuthenticatorData(string rpId, int flags, uint signCount)
    {
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, signCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), (byte)flags, .. count];
    }

    public void Dispose() => _key.Dispose();
}
