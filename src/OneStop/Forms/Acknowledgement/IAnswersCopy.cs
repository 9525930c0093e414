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

/// <summary>
/// TODO(lead: plug in the PDF): Platform/Pdf is being built beside this slice. Once it is merged, render
/// <c>AnswersPdf.Render(new AnswersDocument(…))</c> here from <see cref="AnswerSummary.Build"/>'s sections
/// (the form title, the reference, the time submitted in Hong Kong time, then each section's rows), and
/// return its bytes. Until then no copy is attached.
/// </summary>
internal sealed class AnswersPdfCopyTodo(AnswerSummary summary) : IAnswersCopy
{
    public Task<byte[]?> RenderAsync(Submission submission, FormDefinition form, JsonObject answers, Language language, CancellationToken cancellationToken = default)
    {
        _ = summary; // what the PDF will be drawn from
        return Task.FromResult<byte[]?>(null);
    }
}
