using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Oidc;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;

namespace OneStop.Tests.Office;

/// <summary>
/// Every back-office endpoint, GET and POST, visited by everyone who might try it: the public, a citizen,
/// staff without a second factor, each role, and members of another department.
/// </summary>
public sealed class OfficeAuthorizationTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    private enum Needs { Staff, Officer, Supervisor, DepartmentAdmin, PlatformAdmin, DepartmentOrPlatformAdmin }

    /// <summary>One endpoint: who may use it, whether it is a TD record (404 to other departments), and what success looks like.</summary>
    /// <remarks><paramref name="AnyDepartment"/>: a platform administrator may use it for any department's record.</remarks>
    private sealed record Endpoint(string Method, string Url, string Pattern, Needs Needs, bool TdRecord = false, string Success = "200", bool AnyDepartment = false);

    private sealed record Caller(string Name, StaffRole? Role, string? Department, bool Citizen = false, bool SecondFactor = true);

    private static readonly Caller[] Callers =
    [
        new("anonymous", null, null),
        new("citizen", null, null, Citizen: true),
        new("TD admin without a second factor", StaffRole.DepartmentAdmin, "TD", SecondFactor: false),
        new("TD officer", StaffRole.Officer, "TD"),
        new("TD supervisor", StaffRole.Supervisor, "TD"),
        new("TD admin", StaffRole.DepartmentAdmin, "TD"),
        new("FEHD officer", StaffRole.Officer, "FEHD"),
        new("FEHD admin", StaffRole.DepartmentAdmin, "FEHD"),
        new("platform admin", StaffRole.PlatformAdmin, null),
    ];

    private static string Expected(Caller caller, Endpoint endpoint)
    {
        if (caller.Role is not { } role) return caller.Citizen ? "forbidden" : "sign-in";
        if (!caller.SecondFactor) return "second-factor";
        var required = endpoint.Needs switch
        {
            Needs.Officer => StaffRole.Officer,
            Needs.Supervisor => StaffRole.Supervisor,
            Needs.DepartmentAdmin => StaffRole.DepartmentAdmin,
            Needs.PlatformAdmin => StaffRole.PlatformAdmin,
            _ => (StaffRole?)null,
        };
        var anyDepartment = endpoint.AnyDepartment && role == StaffRole.PlatformAdmin;
        if (required is not null && !role.Includes(required.Value) && !anyDepartment) return "forbidden";
        if (endpoint.Needs == Needs.DepartmentOrPlatformAdmin && role is not (StaffRole.DepartmentAdmin or StaffRole.PlatformAdmin)) return "forbidden";
        if (endpoint.TdRecord && caller.Department != "TD" && !anyDepartment) return "404";
        return endpoint.Success;
    }

    private async Task<Endpoint[]> EndpointsAsync()
    {
        var td = await _app.AServiceOfAsync("TD");
        var target = await _app.UserIdAsync(await _app.NewStaffAsync(StaffRole.Officer, "TD"));
        var removable = await _app.UserIdAsync(await _app.NewStaffAsync(StaffRole.Officer, "FEHD"));
        var client = await NewClientAsync();
        var removableClient = await NewClientAsync();
        await OneStop.Tests.Payments.PaymentSteps.SetFeesAsync(_app, FeeTable, td);
        var form = "td-office-table";
        await Forms.TestForms.PublishAsync(_app, Forms.TestForms.OnePage(form, Forms.TestForms.Field("plate", OneStop.Forms.Definitions.FieldType.Text)));
        var (reference, file) = await Cases.CaseAuthorizationSteps.CaseWithDocumentAsync(_app);
        var payment = (await Payments.OfficePaymentSteps.StoredPaymentAsync(_app)).Reference;
        // A holiday only the platform administrator's delete will take away.
        await _app.QueryAsync(db =>
        {
            db.Add(new OneStop.Cases.Calendar.PublicHoliday { Date = new DateOnly(2099, 1, 2), Name = new LocalisedText("Table test", "表格測試", "表格测试") });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var link = (await OneStop.Tests.Payments.Links.LinkSteps.ItemAsync(_app, department: "TD")).Code;
        var document = (await OneStop.Tests.Documents.DocumentSteps.IssuedDocumentAsync(_app)).Document.Id;
        await OneStop.Tests.Documents.DocumentSteps.SetTemplateAsync(_app, serviceSlug: td);
        var counter = (await Counters.CounterDeskSteps.CounterAsync(_app)).Code;
        var booking = (await Counters.CounterDeskSteps.AppointmentAsync(_app, Counters.CounterDeskSteps.Today(_app), new TimeOnly(10, 0))).Appointment.Code;
        var toPost = (await Counters.CounterDeskSteps.PostDeliveryAsync(_app, "Flat A, 3/F", "8 Nathan Road")).Id;
        return
        [
            new("GET", "/office", "office", Needs.Staff),
            new("GET", "/office/departments", "office/departments", Needs.PlatformAdmin),
            new("GET", "/office/departments/add", "office/departments/add", Needs.PlatformAdmin),
            // An empty form: the error summary, nothing added.
            new("POST", "/office/departments/add", "office/departments/add", Needs.PlatformAdmin),
            new("GET", "/office/departments/TD/change", "office/departments/{code}/change", Needs.PlatformAdmin),
            // An empty form: the error summary, nothing changed.
            new("POST", "/office/departments/TD/change", "office/departments/{code}/change", Needs.PlatformAdmin),
            new("GET", "/office/clients", "office/clients", Needs.PlatformAdmin),
            new("GET", "/office/clients/add", "office/clients/add", Needs.PlatformAdmin),
            // An empty form: the error summary, nothing added.
            new("POST", "/office/clients/add", "office/clients/add", Needs.PlatformAdmin),
            new("GET", $"/office/clients/{client}", "office/clients/{id:guid}", Needs.PlatformAdmin),
            new("GET", $"/office/clients/{client}/remove", "office/clients/{id:guid}/remove", Needs.PlatformAdmin),
            new("POST", $"/office/clients/{removableClient}/remove", "office/clients/{id:guid}/remove", Needs.PlatformAdmin, Success: "redirect"),
            new("GET", "/office/staff", "office/staff", Needs.PlatformAdmin),
            new("GET", "/office/staff/add", "office/staff/add", Needs.PlatformAdmin),
            // An empty form: the page answers with its error summary, and nothing changes.
            new("POST", "/office/staff/add", "office/staff/add", Needs.PlatformAdmin),
            new("GET", $"/office/staff/{target}", "office/staff/{id:guid}", Needs.PlatformAdmin),
            new("POST", $"/office/staff/{target}", "office/staff/{id:guid}", Needs.PlatformAdmin),
            new("POST", $"/office/staff/{removable}?handler=Remove", "office/staff/{id:guid}", Needs.PlatformAdmin, Success: "redirect"),
            new("GET", "/office/jobs", "office/jobs", Needs.PlatformAdmin),
            // No message named: nothing released, back to the list.
            new("POST", "/office/jobs?handler=Retry", "office/jobs", Needs.PlatformAdmin, Success: "redirect"),
            new("POST", "/office/jobs?handler=RetryAll", "office/jobs", Needs.PlatformAdmin, Success: "redirect"),
            new("GET", "/office/services", "office/services", Needs.Officer),
            new("GET", $"/office/services/{td}", "office/services/{slug}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/services/{td}", "office/services/{slug}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/services/{td}/fees", "office/services/{slug}/fees", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            // Fee editor posts without the schedule's token: the stale-page error, nothing saved.
            new("POST", $"/office/services/{td}/fees", "office/services/{slug}/fees", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("POST", $"/office/services/{td}/fees?handler=DeleteItem", "office/services/{slug}/fees", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("POST", $"/office/services/{td}/fees?handler=Remove", "office/services/{slug}/fees", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/services/{td}/fees/items", "office/services/{slug}/fees/items/{itemId?}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/services/{td}/fees/items/licence", "office/services/{slug}/fees/items/{itemId?}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("POST", $"/office/services/{td}/fees/items/licence", "office/services/{slug}/fees/items/{itemId?}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/services/{td}/fees/concessions", "office/services/{slug}/fees/concessions/{concessionId?}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/services/{td}/fees/concessions/senior", "office/services/{slug}/fees/concessions/{concessionId?}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("POST", $"/office/services/{td}/fees/concessions", "office/services/{slug}/fees/concessions/{concessionId?}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/services/{td}/fees/json", "office/services/{slug}/fees/json", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/services/{td}/fees/upload", "office/services/{slug}/fees/upload", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            // Nothing sent: the error summary, nothing saved.
            new("POST", $"/office/services/{td}/fees/upload", "office/services/{slug}/fees/upload", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/services/{td}/fees/try?try=1", "office/services/{slug}/fees/try", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", "/office/services/upload", "office/services/upload", Needs.DepartmentAdmin),
            new("POST", "/office/services/upload", "office/services/upload", Needs.DepartmentAdmin),
            new("GET", "/office/verify-identity", "office/verify-identity", Needs.Officer),
            // An empty form: the error summary, nothing verified.
            new("POST", "/office/verify-identity", "office/verify-identity", Needs.Officer),
            new("GET", "/office/notifications", "office/notifications", Needs.DepartmentAdmin),
            new("GET", "/office/notifications/case.received/en", "office/notifications/{event}/{language}", Needs.DepartmentAdmin),
            // Empty template forms: the error summary, nothing saved or previewed; a reset with nothing to reset changes nothing.
            new("POST", "/office/notifications/case.received/en", "office/notifications/{event}/{language}", Needs.DepartmentAdmin),
            new("POST", "/office/notifications/case.received/en?handler=Preview", "office/notifications/{event}/{language}", Needs.DepartmentAdmin),
            new("POST", "/office/notifications/case.received/en?handler=Reset", "office/notifications/{event}/{language}", Needs.DepartmentAdmin, Success: "redirect"),
            new("GET", "/office/notifications/defaults", "office/notifications/defaults", Needs.PlatformAdmin),
            new("GET", "/office/notifications/defaults/case.received/en", "office/notifications/defaults/{event}/{language}", Needs.PlatformAdmin),
            new("POST", "/office/notifications/defaults/case.received/en", "office/notifications/defaults/{event}/{language}", Needs.PlatformAdmin),
            new("POST", "/office/notifications/defaults/case.received/en?handler=Preview", "office/notifications/defaults/{event}/{language}", Needs.PlatformAdmin),
            new("POST", "/office/notifications/defaults/case.received/en?handler=Reset", "office/notifications/defaults/{event}/{language}", Needs.PlatformAdmin, Success: "redirect"),
            new("GET", "/office/cases", "office/cases", Needs.Officer),
            // Nothing named: no case claimed, back to the queue.
            new("POST", "/office/cases?handler=Claim", "office/cases", Needs.Officer, Success: "redirect"),
            new("GET", "/office/cases/team", "office/cases/team", Needs.Supervisor),
            new("GET", $"/office/cases/{reference}", "office/cases/{reference}", Needs.Officer, TdRecord: true),
            // Empty forms: the error summary, the case unchanged.
            new("POST", $"/office/cases/{reference}?handler=Assign", "office/cases/{reference}", Needs.Officer, TdRecord: true),
            new("POST", $"/office/cases/{reference}?handler=Note", "office/cases/{reference}", Needs.Officer, TdRecord: true),
            new("POST", $"/office/cases/{reference}?handler=Request", "office/cases/{reference}", Needs.Officer, TdRecord: true),
            new("POST", $"/office/cases/{reference}?handler=Take&actionId=reject", "office/cases/{reference}", Needs.Officer, TdRecord: true),
            new("GET", $"/office/cases/{reference}/files/{file}", "office/cases/{reference}/files/{fileId:guid}", Needs.Officer, TdRecord: true),
            new("GET", "/office/forms", "office/forms", Needs.Officer),
            new("GET", "/office/forms/new", "office/forms/new", Needs.DepartmentAdmin),
            // Empty editor forms: the error summary (no draft token, no file), nothing changed.
            new("POST", "/office/forms/new", "office/forms/new", Needs.DepartmentAdmin),
            new("GET", $"/office/forms/{form}", "office/forms/{id}", Needs.Officer, TdRecord: true),
            new("GET", $"/office/forms/{form}/versions/1/json", "office/forms/{id}/versions/{version:int}/json", Needs.Officer, TdRecord: true),
            new("GET", $"/office/forms/{form}/changes", "office/forms/{id}/changes", Needs.Officer, TdRecord: true),
            new("GET", $"/office/forms/{form}/versions/1/preview", "office/forms/{id}/versions/{version:int}/preview/{pageId?}", Needs.Officer, TdRecord: true),
            // Nothing typed: the page's errors as a citizen would see them, nothing saved.
            new("POST", $"/office/forms/{form}/versions/1/preview", "office/forms/{id}/versions/{version:int}/preview/{pageId?}", Needs.Officer, TdRecord: true),
            new("GET", $"/office/forms/{form}/upload", "office/forms/{id}/upload", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/upload", "office/forms/{id}/upload", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/publish", "office/forms/{id}/publish", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/publish", "office/forms/{id}/publish", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/edit", "office/forms/{id}/edit", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit", "office/forms/{id}/edit", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit?handler=MovePage", "office/forms/{id}/edit", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/edit/add-page", "office/forms/{id}/edit/add-page", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit/add-page", "office/forms/{id}/edit/add-page", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/edit/pages/main", "office/forms/{id}/edit/pages/{pageId}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit/pages/main", "office/forms/{id}/edit/pages/{pageId}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit/pages/main?handler=DeleteField", "office/forms/{id}/edit/pages/{pageId}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/edit/add-field?onPage=main", "office/forms/{id}/edit/add-field", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit/add-field?onPage=main", "office/forms/{id}/edit/add-field", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/edit/fields/plate", "office/forms/{id}/edit/fields/{fieldId}/{childId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit/fields/plate", "office/forms/{id}/edit/fields/{fieldId}/{childId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/edit/rules", "office/forms/{id}/edit/rules/{ruleId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/forms/{form}/edit/rules", "office/forms/{id}/edit/rules/{ruleId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/forms/{form}/retire", "office/forms/{id}/retire", Needs.DepartmentAdmin, TdRecord: true),
            // Last of the form's endpoints: it retires the form (again, harmlessly, for a second caller).
            new("POST", $"/office/forms/{form}/retire", "office/forms/{id}/retire", Needs.DepartmentAdmin, TdRecord: true, Success: "redirect"),
            new("GET", "/office/workflows", "office/workflows", Needs.DepartmentAdmin),
            new("GET", $"/office/workflows/{td}", "office/workflows/{slug}", Needs.DepartmentAdmin, TdRecord: true),
            // Workflow editor posts without the draft token: the stale-copy error, nothing saved.
            new("POST", $"/office/workflows/{td}", "office/workflows/{slug}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/workflows/{td}?handler=Start", "office/workflows/{slug}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/workflows/{td}?handler=DeleteState", "office/workflows/{slug}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/workflows/{td}/states", "office/workflows/{slug}/states/{stateId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/workflows/{td}/states/received", "office/workflows/{slug}/states/{stateId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/workflows/{td}/states/received", "office/workflows/{slug}/states/{stateId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/workflows/{td}/actions", "office/workflows/{slug}/actions/{actionId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/workflows/{td}/actions/approve", "office/workflows/{slug}/actions/{actionId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/workflows/{td}/actions", "office/workflows/{slug}/actions/{actionId?}", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/workflows/{td}/versions/0/json", "office/workflows/{slug}/versions/{version:int}/json", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/workflows/{td}/upload", "office/workflows/{slug}/upload", Needs.DepartmentAdmin, TdRecord: true),
            // Nothing sent: the error summary, nothing saved.
            new("POST", $"/office/workflows/{td}/upload", "office/workflows/{slug}/upload", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/workflows/{td}/publish", "office/workflows/{slug}/publish", Needs.DepartmentAdmin, TdRecord: true),
            // No draft: the error summary, nothing published.
            new("POST", $"/office/workflows/{td}/publish", "office/workflows/{slug}/publish", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", "/office/payments", "office/payments", Needs.Officer),
            new("GET", $"/office/payments/{payment}", "office/payments/{reference}/{attempt:int?}", Needs.Officer, TdRecord: true),
            // No refund id: the page again with its error, nothing refunded.
            new("POST", $"/office/payments/{payment}?handler=Refund", "office/payments/{reference}/{attempt:int?}", Needs.Supervisor, TdRecord: true),
            new("GET", "/office/payments/reconciliation", "office/payments/reconciliation", Needs.Staff),
            new("GET", "/office/payments/reconciliation?format=csv", "office/payments/reconciliation", Needs.Staff),
            // No day: the error summary, nothing run.
            new("POST", "/office/payments/reconciliation?handler=Run", "office/payments/reconciliation", Needs.DepartmentOrPlatformAdmin),
            new("GET", "/office/holidays", "office/holidays", Needs.Staff),
            new("GET", "/office/holidays/add", "office/holidays/add", Needs.PlatformAdmin),
            // An empty form: the error summary, nothing added.
            new("POST", "/office/holidays/add", "office/holidays/add", Needs.PlatformAdmin),
            new("GET", "/office/holidays/2026-12-25", "office/holidays/{date}", Needs.PlatformAdmin),
            // An empty form: the error summary, nothing changed.
            new("POST", "/office/holidays/2026-12-25", "office/holidays/{date}", Needs.PlatformAdmin),
            new("POST", "/office/holidays/2099-01-02?handler=Delete", "office/holidays/{date}", Needs.PlatformAdmin, Success: "redirect"),
            new("GET", "/office/document-templates", "office/document-templates", Needs.DepartmentOrPlatformAdmin),
            new("GET", $"/office/document-templates/{td}", "office/document-templates/{serviceSlug}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            // Empty forms: the error summary, nothing saved, uploaded or previewed.
            new("POST", $"/office/document-templates/{td}", "office/document-templates/{serviceSlug}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("POST", $"/office/document-templates/{td}?handler=Upload", "office/document-templates/{serviceSlug}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("POST", $"/office/document-templates/{td}?handler=Preview", "office/document-templates/{serviceSlug}", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", $"/office/document-templates/{td}/json", "office/document-templates/{serviceSlug}/json", Needs.DepartmentAdmin, TdRecord: true, AnyDepartment: true),
            new("GET", "/office/payments/links", "office/payments/links", Needs.DepartmentAdmin),
            new("GET", "/office/payments/links/add", "office/payments/links/add", Needs.DepartmentAdmin),
            // An empty form: the error summary, nothing added.
            new("POST", "/office/payments/links/add", "office/payments/links/add", Needs.DepartmentAdmin),
            new("GET", $"/office/payments/links/{link}", "office/payments/links/{code}", Needs.DepartmentAdmin, TdRecord: true),
            // An empty form: the error summary, nothing changed; then off and on again.
            new("POST", $"/office/payments/links/{link}", "office/payments/links/{code}", Needs.DepartmentAdmin, TdRecord: true),
            new("POST", $"/office/payments/links/{link}?handler=Deactivate", "office/payments/links/{code}", Needs.DepartmentAdmin, TdRecord: true, Success: "redirect"),
            new("POST", $"/office/payments/links/{link}?handler=Activate", "office/payments/links/{code}", Needs.DepartmentAdmin, TdRecord: true, Success: "redirect"),
            new("GET", "/office/documents", "office/documents", Needs.Officer),
            new("GET", $"/office/documents/{document}", "office/documents/{id:guid}", Needs.Officer, TdRecord: true),
            // No revision: the page again with the stale-page error, nothing changed.
            new("POST", $"/office/documents/{document}?handler=Revoke", "office/documents/{id:guid}", Needs.Supervisor, TdRecord: true),
            new("POST", $"/office/documents/{document}?handler=Reissue", "office/documents/{id:guid}", Needs.Officer, TdRecord: true),
            new("POST", $"/office/documents/{document}?handler=Renew", "office/documents/{id:guid}", Needs.Supervisor, TdRecord: true),
            new("GET", $"/office/documents/{document}/pdf", "office/documents/{id:guid}/pdf", Needs.Officer, TdRecord: true),
            new("GET", "/office/counters", "office/counters", Needs.Officer),
            new("GET", "/office/counters/new", "office/counters/new", Needs.DepartmentAdmin),
            // An empty form: the error summary, nothing added.
            new("POST", "/office/counters/new", "office/counters/new", Needs.DepartmentAdmin),
            new("GET", $"/office/counters/{counter}/edit", "office/counters/{code}/edit", Needs.DepartmentAdmin, TdRecord: true),
            // An empty form: the error summary, nothing changed.
            new("POST", $"/office/counters/{counter}/edit", "office/counters/{code}/edit", Needs.DepartmentAdmin, TdRecord: true),
            new("GET", $"/office/counters/{counter}/day", "office/counters/{code}/day", Needs.Officer, TdRecord: true),
            new("GET", "/office/counters/check-in", "office/counters/check-in", Needs.Officer),
            // Nothing typed: the error summary.
            new("POST", "/office/counters/check-in", "office/counters/check-in", Needs.Officer),
            new("GET", $"/office/counters/check-in/{booking}", "office/counters/check-in/{code}", Needs.Officer, TdRecord: true),
            // Today's appointment: the first caller checks in and hands over; the others are told it is already done.
            new("POST", $"/office/counters/check-in/{booking}?handler=CheckIn", "office/counters/check-in/{code}", Needs.Officer, TdRecord: true, Success: "redirect"),
            new("POST", $"/office/counters/check-in/{booking}?handler=Collected", "office/counters/check-in/{code}", Needs.Officer, TdRecord: true, Success: "redirect"),
            new("GET", "/office/documents/post", "office/documents/post", Needs.Officer),
            // Posted by the first caller; "already posted" for the others.
            new("POST", $"/office/documents/post?handler=Posted&document={toPost}", "office/documents/post", Needs.Officer, TdRecord: true, Success: "redirect"),
        ];
    }

    /// <summary>A fixed fee and a senior concession, so the fee editor's item, concession and download pages have something to show.</summary>
    private const string FeeTable = """
        {
          "items": [ { "id": "licence", "name": { "en": "Licence", "zh-HK": "牌照", "zh-CN": "牌照" }, "amount": 900 } ],
          "concessions": [ { "id": "senior", "name": { "en": "Senior", "zh-HK": "長者", "zh-CN": "长者" }, "percentOff": 50, "when": { "field": "profile.age", "atLeast": 65 } } ]
        }
        """;

    /// <summary>A public client registered directly; its application id (the address of its back-office pages).</summary>
    private async Task<string> NewClientAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<OidcClients>();
        var clientId = "office-" + Guid.NewGuid().ToString("N")[..10];
        await clients.AddAsync(new OidcClient
        {
            ClientId = clientId,
            Kind = OidcClientKind.Public,
            Name = new LocalisedText("Table test", "表格測試", "表格测试"),
            RedirectUris = [new Uri($"https://{clientId}.test/callback")],
            Scopes = ["openid"],
        }, secret: null, TestContext.Current.CancellationToken);
        return (await clients.FindAsync(clientId, TestContext.Current.CancellationToken))!.ApplicationId;
    }

    private async Task<(HttpClient Client, string? Token)> BrowserOfAsync(Caller caller)
    {
        if (caller.Role is null && !caller.Citizen) return (_app.NewBrowser(), null);
        if (caller.Role is not { } role || !caller.SecondFactor)
        {
            var email = caller.Role is { } r ? await _app.NewStaffAsync(r, caller.Department, secondFactor: false) : await _app.NewAccountAsync();
            var client = _app.NewBrowser();
            using var signedIn = await client.SignInAsync(email);
            Assert.Equal("/account", signedIn.Location());
            return (client, null);
        }
        var (staff, _) = await _app.SignedInStaffAsync(role, caller.Department);
        return (staff, await staff.TokenAsync());
    }

    [Fact]
    public async Task EveryOfficeEndpoint_EveryKindOfCaller_GetsTheExpectedAnswer()
    {
        var endpoints = await EndpointsAsync();
        var wrong = new List<string>();

        foreach (var caller in Callers)
        {
            var (client, token) = await BrowserOfAsync(caller);
            foreach (var endpoint in endpoints)
            {
                using var response = endpoint.Method == "GET"
                    ? await client.GetAsync(endpoint.Url, TestContext.Current.CancellationToken)
                    : await client.PostFormAsync(endpoint.Url, token);
                var expected = Expected(caller, endpoint);
                var actual = response.Outcome();
                if (actual != expected) wrong.Add($"{caller.Name}: {endpoint.Method} {endpoint.Url} gave {actual} {response.Headers.Location}, expected {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task EveryOfficeRoute_IsInTheAuthorizationTable()
    {
        _ = _app.Server;
        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .Where(p => p == "office" || p.StartsWith("office/", StringComparison.Ordinal))
            .ToHashSet();

        var covered = (await EndpointsAsync()).Select(e => e.Pattern).ToHashSet();

        Assert.NotEmpty(routes);
        Assert.Equal(routes.Order(), covered.Order());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
