using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OneStop.Documents;
using OneStop.Documents.Signing;
using OneStop.Documents.Templates;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;

namespace OneStop.Office.DocumentTemplates;

/// <summary>
/// A sample of what a template issues, with made-up data, laid out and signed as a real document is — but with a
/// throwaway self-signed key, so no reader takes it for a document the department issued, and marked as a sample.
/// </summary>
public sealed class TemplatePreview(Text text, PublicLinks links, TimeProvider clock)
{
    public async Task<byte[]> RenderAsync(TemplateCopy copy, DocumentDefinition definition, Language language, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow();
        var today = HongKongTime.Today(clock);
        var holder = language == Language.En ? "CHAN Tai Man" : "陳大文";
        var inputs = new DocumentInputs(
            $"{definition.NumberPrefix}-{today.Year}-000123", 1, holder, language, copy.Service.Department.Name, today, today,
            $"{copy.DepartmentCode}-{today.Year}-000123", text.Get(language, "office.documentTemplates.sample.note"),
            links.Origin + DocumentPaths.Verify("SAMPLE0000000000"),
            (fieldId, l) => text.Get(l, "office.documentTemplates.sample.answer").Replace("{0}", fieldId, StringComparison.Ordinal),
            text.Get);
        var content = TemplateRules.Compose(definition, inputs);
        var sample = string.Join(" / ", TemplateRules.LanguagesOf(definition, language).Select(l => text.Get(l, "office.documentTemplates.sample.mark")).Distinct());
        content = content with { Brand = $"{content.Brand} · {sample}", Footer = sample };

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=OneStop template preview (not a valid document)", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var signing = new SigningKey(Guid.Empty, copy.DepartmentCode, certificate, []);
        return await LicencePdf.RenderSignedAsync(content, new PdfSigner(signing, now), now, sample);
    }
}
