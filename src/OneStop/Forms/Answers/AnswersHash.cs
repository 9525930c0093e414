using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;

namespace OneStop.Forms.Answers;

/// <summary>
/// The answers hash: SHA-256 of <see cref="AnswerValues.Canonical"/> of the pruned answers. It is what a
/// declaration's signature covers and what <see cref="Submission.AnswersHash"/> stores; file answers carry each
/// file's SHA-256, so attachments are covered too. One place, so the signing page and SubmitApplication agree.
/// </summary>
public static class AnswersHash
{
    /// <summary>Of answers already pruned (SubmitApplication), with their canonical text.</summary>
    public static (string Canonical, byte[] Sha256) Of(JsonObject prunedAnswers)
    {
        var canonical = AnswerValues.Canonical(prunedAnswers);
        return (canonical, SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Of a draft's answers as they would be submitted today.</summary>
    public static byte[] ForSubmission(FormDefinition form, JsonObject answers, DateOnly today) =>
        Of(FormRules.Prune(form, answers, today)).Sha256;

    public static string Hex(byte[] sha256) => Convert.ToHexStringLower(sha256);
}
