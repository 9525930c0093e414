using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Identity.Signing;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Declarations;

/// <summary>
/// At submission: when the answers show a declaration with <c>signature: true</c>, the request must name a signing
/// request of the applicant's, signed, over exactly these answers (the answers hash). Anything else is refused.
/// </summary>
public sealed class SignatureCheck(DocumentSigning signing, Text text)
{
    /// <summary>The declaration that asks for a signature among the fields the answers show; null when none does.</summary>
    public static FieldDefinition? SignedDeclaration(FormDefinition form, JsonObject answers, DateOnly today) =>
        FormRules.ShownPages(form, answers, today).SelectMany(p => FormRules.ShownFields(p, answers, today))
            .FirstOrDefault(f => f is { Type: FieldType.Declaration, Signature: true });

    public async Task<FieldError?> CheckAsync(FormDefinition form, JsonObject prunedAnswers, DateOnly today, Guid? userId, Guid? signatureRequestId,
        byte[] answersHash, CancellationToken cancellationToken)
    {
        if (SignedDeclaration(form, prunedAnswers, today) is not { } declaration) return null;
        if (userId is { } user && signatureRequestId is { } id && await signing.FindAsync(id, user, cancellationToken) is { SignedAt: not null, Signature: not null } request
            && CryptographicOperations.FixedTimeEquals(request.DocumentHash, answersHash))
            return null;
        return new FieldError(declaration.Id, "signature", new Words
        {
            En = text.Get(Language.En, "forms.declaration.error.notSigned"),
            ZhHk = text.Get(Language.ZhHk, "forms.declaration.error.notSigned"),
            ZhCn = text.Get(Language.ZhCn, "forms.declaration.error.notSigned"),
        });
    }
}
