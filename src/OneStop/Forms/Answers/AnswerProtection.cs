using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Forms.Answers;

/// <summary>
/// Encrypts answers (and the contact address) at rest with Data Protection, whose keys live in the database
/// and, in Production, are themselves encrypted with a certificate. A separate purpose from the profile's,
/// so one cannot be swapped for the other.
/// </summary>
public sealed class AnswerProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OneStop.Forms.Answers.v1");

    public string Protect(JsonObject answers) => _protector.Protect(answers.ToJsonString());

    public JsonObject Unprotect(string stored) => JsonNode.Parse(_protector.Unprotect(stored)) as JsonObject ?? new JsonObject();

    public string ProtectText(string text) => _protector.Protect(text);

    public string UnprotectText(string stored) => _protector.Unprotect(stored);
}
