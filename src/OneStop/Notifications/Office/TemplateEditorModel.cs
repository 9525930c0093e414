using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Notifications.Templates;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;
using OneStop.Platform.Web.Forms;

namespace OneStop.Notifications.Office;

/// <summary>
/// Edits one event's wording in one language for a scope (a department, or the platform's defaults):
/// subject and body for email and the inbox, and the SMS text. Every <c>{placeholder}</c> must be a known
/// one; Preview shows the wording filled with sample values without saving; Reset removes the scope's own
/// wording so it inherits again. Saves and resets are audited.
/// </summary>
public abstract class TemplateEditorModel(TemplateCatalogue templates, Text text, PublicLinks links) : FormPageModel
{
    public const int SubjectLimit = 200;
    public const int BodyLimit = 4000;
    public const int SmsLimit = 480;

    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Sms { get; set; }

    public string Event { get; private set; } = "";
    public Language Language { get; private set; }
    public TemplateSource Source { get; private set; }
    /// <summary>Set after Preview: the wording filled with sample values.</summary>
    public TemplateText? Preview { get; private set; }

    public abstract string? Scope { get; }
    public abstract string BasePath { get; }

    public async Task<IActionResult> OnGetAsync(string @event, string language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(@event, language, cancellationToken) is not { } current) return NotFound();
        (Subject, Body, Sms) = (current.Text.Subject, current.Text.Body, current.Text.Sms);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string @event, string language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(@event, language, cancellationToken) is null) return NotFound();
        if (!Check()) return Page();
        await templates.SaveAsync(Scope, Event, Language, new TemplateText(Subject!, Body!, Sms!), User.UserId(), cancellationToken);
        TempData["Done"] = "saved";
        return Redirect(Url.Content("~" + BasePath));
    }

    public async Task<IActionResult> OnPostPreviewAsync(string @event, string language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(@event, language, cancellationToken) is null) return NotFound();
        if (!Check()) return Page();
        string? Sample(string name) => name == "link" ? links.To("/applications", Language) : text.Get(Language, "notifications.office.sample." + name);
        Preview = new TemplateText(Placeholders.Render(Subject!, Sample), Placeholders.Render(Body!, Sample), Placeholders.Render(Sms!, Sample));
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string @event, string language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(@event, language, cancellationToken) is null) return NotFound();
        await templates.ResetAsync(Scope, Event, Language, User.UserId(), cancellationToken);
        TempData["Done"] = "reset";
        return Redirect(Url.Content("~" + BasePath));
    }

    private async Task<EffectiveTemplate?> LoadAsync(string @event, string language, CancellationToken cancellationToken)
    {
        if (!DefaultTemplates.Events.Contains(@event) || Languages.FromCulture(language) is not { } parsed || parsed.Tag() != NormaliseTag(language)) return null;
        (Event, Language) = (@event, parsed);
        var current = await templates.ForScopeAsync(Scope, @event, parsed, cancellationToken);
        Source = current?.Source ?? TemplateSource.BuiltIn;
        return current;
    }

    // Only the three tags (any case) name a language here: one address per page.
    private static string NormaliseTag(string language) => language.ToLowerInvariant() switch
    {
        "en" => "en", "zh-hk" => "zh-HK", "zh-cn" => "zh-CN", _ => "",
    };

    private bool Check()
    {
        Subject = Subject?.Trim();
        Body = Body?.Trim().ReplaceLineEndings("\n");
        Sms = Sms?.Trim().ReplaceLineEndings("\n");
        Field(nameof(Subject), Subject, SubjectLimit);
        Field(nameof(Body), Body, BodyLimit);
        Field(nameof(Sms), Sms, SmsLimit);
        return !HasErrors;
    }

    private void Field(string name, string? value, int limit)
    {
        var label = text["notifications.office.field." + name.ToLowerInvariant()];
        if (string.IsNullOrEmpty(value)) AddError(name, text["notifications.office.error.required", label]);
        else if (value.Length > limit) AddError(name, text["notifications.office.error.tooLong", label, limit]);
        else if (Placeholders.Unknown(value) is { Count: > 0 } unknown)
            AddError(name, text["notifications.office.error.unknownPlaceholder", label, "{" + unknown[0] + "}", KnownList]);
    }

    public static string KnownList => string.Join(", ", Placeholders.Known.Select(k => "{" + k + "}"));
}
