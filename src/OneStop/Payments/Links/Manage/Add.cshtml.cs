using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Links.Manage;

/// <summary>A department administrator adds a payment item for their own department; it is active at once.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class AddModel(OneStopDb db, AuditLog audit, TimeProvider clock, Text text) : ItemForm(text)
{
    [BindProperty] public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var department = User.StaffDepartment();
        if (department is null) return NotFound();
        var code = Code?.Trim().ToLowerInvariant();
        if (!LinkRules.IsCode(code)) AddError(nameof(Code), T["payments.links.manage.error.code"]);
        else if (await db.Set<PaymentLinkItem>().AnyAsync(i => i.Code == code, cancellationToken)) AddError(nameof(Code), T["payments.links.manage.error.codeTaken"]);
        if (Read() is not { } changes || HasErrors) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new PaymentLinkItem
        {
            Id = Guid.CreateVersion7(),
            Code = code!,
            DepartmentCode = department,
            Title = changes.Title, Description = changes.Description, ReferenceLabel = changes.ReferenceLabel, ReferencePattern = changes.ReferencePattern,
            Amount = changes.Amount,
            Active = true,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = User.UserId(),
        };
        db.Add(item);
        audit.Record(LinkAuditEvents.Added, User.UserId(), null, "payment-link", item.Code, $"amount={item.Amount:0.00}", department);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator took the code a moment ago.
            AddError(nameof(Code), T["payments.links.manage.error.codeTaken"]);
            return Page();
        }
        TempData["Done"] = "added";
        return Redirect(Url.Content("~/office/payments/links"));
    }
}
