using OneStop.Forms.Answers;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Verifying;

/// <summary>How the verification pages word and colour a document's state, and write its dates.</summary>
public static class VerifyWords
{
    public static string Name(VerifiedState state) => VerificationResult.StateName(state);

    /// <summary>The colour is only an aid: the tag's words carry the state.</summary>
    public static string TagClass(VerifiedState state) => state switch
    {
        VerifiedState.Valid => "govuk-tag govuk-tag--green",
        VerifiedState.Expired => "govuk-tag govuk-tag--grey",
        VerifiedState.Revoked => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--yellow",
    };

    public static string Date(DateOnly date) => Dates.Long(date, Languages.Current);

    public static string Date(DateTime utc) => Times.Date(utc, Languages.Current);

    public static string Kind(DocumentKind kind) => "documents.kind." + kind.ToString().ToLowerInvariant();
}

/// <summary>The code form of /verify and of the not-found page: the typed code is kept (it is no secret).</summary>
public sealed record CodeForm(string? Value, string? Error);
