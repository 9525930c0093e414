namespace OneStop.Office.Forms;

/// <summary>The back-office form editor (docs/forms/editor.md): registered by <see cref="OfficeModule"/>.</summary>
public static class FormEditorModule
{
    public static IServiceCollection AddFormEditor(this IServiceCollection services)
    {
        services.AddScoped<FormDrafts>();
        return services;
    }
}

/// <summary>
/// Audit events of the editor beyond those <see cref="OneStop.Forms.Store.FormEvents"/> records (every draft
/// save, publication and retirement); each has an <c>audit.{event}</c> string.
/// </summary>
public static class FormEditorEvents
{
    /// <summary>A department administrator made a new form (its first draft).</summary>
    public const string Created = "form.created";
    /// <summary>A definition file became the draft.</summary>
    public const string Uploaded = "form.uploaded";
}
