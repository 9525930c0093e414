using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Services;

/// <summary>
/// A department administrator edits one of their department's services. Another department's service
/// is not found: the query is scoped to the caller's department.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditModel(OneStopDb db, EditService edit, Text text) : FormPageModel
{
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public string? SummaryEn { get; set; }
    [BindProperty] public string? SummaryZhHk { get; set; }
    [BindProperty] public string? SummaryZhCn { get; set; }
    [BindProperty] public string? FeesEn { get; set; }
    [BindProperty] public string? FeesZhHk { get; set; }
    [BindProperty] public string? FeesZhCn { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public List<string> Channels { get; set; } = [];
    [BindProperty] public string? StartFormId { get; set; }
    [BindProperty] public string? RequiredAssurance { get; set; }
    [BindProperty] public bool AllowsGuests { get; set; }
    public IReadOnlyList<Forms.StartFormChoice> StartForms { get; private set; } = [];
    [TempData] public string? Done { get; set; }

    public Service Service { get; private set; } = null!;

    private Task<Service?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Services.Include(s => s.Department).InDepartmentOf(User, s => s.Department.Code)
            .FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, cancellationToken) is not { } service) return NotFound();
        Service = service;
        (NameEn, NameZhHk, NameZhCn) = (service.Name.En, service.Name.ZhHk, service.Name.ZhCn);
        (SummaryEn, SummaryZhHk, SummaryZhCn) = (service.Summary.En, service.Summary.ZhHk, service.Summary.ZhCn);
        (FeesEn, FeesZhHk, FeesZhCn) = (service.Fees.En, service.Fees.ZhHk, service.Fees.ZhCn);
        Status = service.Status.StatusName();
        Channels = service.Channels.Names().ToList();
        (StartFormId, RequiredAssurance, AllowsGuests) = (service.StartFormId, service.RequiredAssurance, service.AllowsGuests);
        StartForms = await Forms.ServiceFormSettings.ChoicesAsync(db, service.Department.Code, service.StartFormId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, cancellationToken) is not { } service) return NotFound();
        Service = service;
        var status = ChannelNames.ParseStatus(Status);
        if (status is null) AddError(nameof(Status), text["office.service.error.statusMissing"]);
        var channels = Channels.Select(ChannelNames.Parse).Aggregate(Catalogue.Channels.None, (all, c) => all | (c ?? Catalogue.Channels.None));
        StartForms = await Forms.ServiceFormSettings.ChoicesAsync(db, service.Department.Code, service.StartFormId, cancellationToken);
        var startForm = string.IsNullOrEmpty(StartFormId) ? null : StartFormId;
        RequiredAssurance ??= service.RequiredAssurance;
        foreach (var (field, key) in Forms.ServiceFormSettings.Check(startForm, RequiredAssurance, AllowsGuests, StartForms)) AddError(field, text[key]);
        var changes = new ServiceChanges(Text(NameEn, NameZhHk, NameZhCn), Text(SummaryEn, SummaryZhHk, SummaryZhCn),
            Text(FeesEn, FeesZhHk, FeesZhCn), status ?? service.Status, channels, startForm, RequiredAssurance, AllowsGuests);
        foreach (var error in EditService.Check(changes))
            AddError(error.Field, error.Argument is null ? text[error.Key] : text[error.Key, error.Argument]);
        if (HasErrors) return Page();

        await edit.SaveAsync(service, changes, User.UserId(), cancellationToken);
        Done = "edited";
        return Redirect(Url.Content("~/office/services"));
    }

    /// <summary>A text field's value by its name, for the view's loop over languages.</summary>
    public string? ValueOf(string field) => field switch
    {
        nameof(NameEn) => NameEn, nameof(NameZhHk) => NameZhHk, nameof(NameZhCn) => NameZhCn,
        nameof(SummaryEn) => SummaryEn, nameof(SummaryZhHk) => SummaryZhHk, nameof(SummaryZhCn) => SummaryZhCn,
        nameof(FeesEn) => FeesEn, nameof(FeesZhHk) => FeesZhHk, nameof(FeesZhCn) => FeesZhCn,
        _ => null,
    };

    private static LocalisedText Text(string? en, string? zhHk, string? zhCn) => new((en ?? "").Trim(), (zhHk ?? "").Trim(), (zhCn ?? "").Trim());
}
