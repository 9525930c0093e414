using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Acknowledgement;

/// <summary>
/// A copy of an application's answers to attach to the acknowledgement (a PDF), or null when none can be
/// made; the email goes either way. The answers are decrypted; the copy must not be stored or logged.
/// </summary>
public interface IAnswersCopy
{
    Task<byte[]?> RenderAsync(Submission submission, FormDefinition form, JsonObject answers, Language language, CancellationToken cancellationToken = default);
}
