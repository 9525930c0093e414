using Microsoft.AspNetCore.Mvc;
using OneStop.Catalogue;
using OneStop.Office.Services;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Departments;

/// <summary>The fields the add and edit pages share (names and contacts), rendered by _DepartmentFields.</summary>
public abstract class DepartmentFormModel(Text text) : FormPageModel
{
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Website { get; set; }
    [TempData] public string? Done { get; set; }

    /// <summary>A name field's value by its name, for the view's loop over languages.</summary>
    public string? ValueOf(string field) => field switch
    {
        nameof(NameEn) => NameEn, nameof(NameZhHk) => NameZhHk, nameof(NameZhCn) => NameZhCn,
        _ => null,
    };

    protected void Fill(Department department)
    {
        (NameEn, NameZhHk, NameZhCn) = (department.Name.En, department.Name.ZhHk, department.Name.ZhCn);
        (Email, Phone, Website) = (department.Email, department.Phone, department.Website);
    }

    /// <summary>What was typed, trimmed; an empty contact field is none.</summary>
    protected DepartmentDetails Details() =>
        new(new LocalisedText(Trim(NameEn), Trim(NameZhHk), Trim(NameZhCn)), Optional(Email), Optional(Phone), Optional(Website));

    protected void AddErrors(IEnumerable<ServiceFieldError> errors)
    {
        foreach (var error in errors)
            AddError(error.Field, error.Argument is null ? text[error.Key] : text[error.Key, error.Argument]);
    }

    private static string Trim(string? value) => (value ?? "").Trim();
    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
