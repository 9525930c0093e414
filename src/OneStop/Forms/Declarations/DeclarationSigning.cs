using OneStop.Forms.Answers;
using OneStop.Forms.Filling;
using OneStop.Identity.Signing;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Declarations;

/// <summary>What a signing request, on the person's return, says about the draft's answers now.</summary>
public enum SignatureState
{
    /// <summary>No such request of this person's, or they have not signed it (they cancelled).</summary>
    NotSigned,
    /// <summary>Signed, but over other answers: changed after signing (in another tab), so it cannot be used.</summary>
    AnswersChanged,
    Signed,
}

/// <summary>
/// "Sign and submit" for a declaration with <c>signature: true</c>: a OneStop ID signing request over the answers
/// hash (<see cref="AnswersHash"/>, exactly what SubmitApplication computes), and the check on the way back.
/// </summary>
public sealed class DeclarationSigning(IDocumentSigning signing, DocumentSigning requests, Text text)
{
    public static bool Required(Journey journey) => SignatureCheck.SignedDeclaration(journey.Definition, journey.Answers, journey.Today) is not null;

    public static string ReturnPath(Guid draftId) => $"/applications/{draftId}/sign?request={DocumentSigning.RequestIdPlaceholder}";

    /// <summary>A signing request over the draft's answers as they would be submitted now; the person goes to <see cref="DocumentSigning.PagePath"/>.</summary>
    public async Task<Guid> RequestAsync(Journey journey, CancellationToken cancellationToken)
    {
        var hash = AnswersHash.ForSubmission(journey.Definition, journey.Answers, journey.Today);
        var description = text["forms.declaration.signWhat", journey.Definition.Title[Languages.Current], AnswersHash.Hex(hash)[..8]];
        if (description.Length > 500) description = description[..500];
        return await signing.CreateRequestAsync(journey.Draft.UserId!.Value, hash, description, ReturnPath(journey.Draft.Id), cancellationToken);
    }

    public async Task<SignatureState> StateAsync(Journey journey, Guid requestId, CancellationToken cancellationToken)
    {
        if (journey.Draft.UserId is not { } user || await requests.FindAsync(requestId, user, cancellationToken) is not { SignedAt: not null, Signature: not null } request)
            return SignatureState.NotSigned;
        var hash = AnswersHash.ForSubmission(journey.Definition, journey.Answers, journey.Today);
        return request.DocumentHash.AsSpan().SequenceEqual(hash) ? SignatureState.Signed : SignatureState.AnswersChanged;
    }
}
