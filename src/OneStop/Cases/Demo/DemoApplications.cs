using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Engine;
using OneStop.Cases.Intake;
using OneStop.Forms.Answers;
using OneStop.Forms.Attachments;
using OneStop.Forms.Filling;
using OneStop.Forms.Submitting;
using OneStop.Identity;
using OneStop.Identity.Profile;
using OneStop.Identity.Profile.Registry;
using OneStop.Identity.Signing;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;
using static OneStop.Cases.Demo.DemoWorkflowDefinitions;

namespace OneStop.Cases.Demo;

/// <summary>
/// A handful of applications from the demo citizens, opened as cases and moved on by the demo officers, so a
/// newcomer signing in as <c>officer.fehd</c> or <c>officer.td</c> sees a queue in several states. They arrive
/// the way real ones do: <see cref="SubmitApplication"/> (files attached to a draft, declarations signed), the
/// <see cref="OpenCase"/> handler, and <see cref="CaseActions"/> for every move. Only when no case of the demo
/// services exists, so it runs once.
/// </summary>
public static class DemoApplications
{
    /// <summary>One step after opening: an action of the workflow, or a request for information (<see cref="Ask"/>).</summary>
    private sealed record Step(string Action, string? Reason = null, string? Note = null);

    private const string Ask = "request-information";

    private sealed record Application(string Key, string Citizen, string Service, string Officer, string Language, Func<SandboxResident?, DateOnly, JsonObject> Answers, Step[] Steps);

    private static readonly string Officer = "officer.fehd@staff.onestop.example";
    private static readonly string TdOfficer = "officer.td@staff.onestop.example";

    private static readonly Application[] Applications =
    [
        new("complaint-new", DemoCitizens.BasicEmail, FoodComplaint, Officer, "en", (_, today) => Complaint(today, "Golden Noodle House", "Raw meat stored next to cooked food in the open kitchen."), []),
        new("complaint-investigated", DemoCitizens.VerifiedEmail, FoodComplaint, Officer, "en", (_, today) => Complaint(today, "Harbour Bakery", "Cockroaches seen on the display shelves."),
            [new("investigated", Note: "Inspected 10:30. Pest control records out of date; warning letter issued.")]),
        new("complaint-closed", DemoCitizens.AdvancedEmail, FoodComplaint, Officer, "zh-HK", (_, today) => Complaint(today, "Lucky Tea Restaurant", "Staff handled food without washing hands."),
            [new("investigated", Note: "Hygiene talk given to staff."), new("send-reply", Reason: "Our inspector visited the restaurant, gave the staff hygiene advice and will inspect again next month.")]),
        new("restaurant-new", DemoCitizens.VerifiedEmail, RestaurantLicence, Officer, "en", (_, today) => Restaurant(today, "Dim Sum Corner", 60, 85.5m), []),
        new("restaurant-inspection", DemoCitizens.AdvancedEmail, RestaurantLicence, Officer, "zh-HK", (_, today) => Restaurant(today, "Noodle Bar", 24, 40m),
            [new("documents-complete")]),
        new("restaurant-returned", DemoCitizens.BasicEmail, RestaurantLicence, Officer, "en", (_, today) => Restaurant(today, "Sunrise Café", 30, 52m),
            [new(Ask, Reason: "Please send a layout plan that shows the position of the wash-hand basins.")]),
        new("driving-new", DemoCitizens.AdvancedEmail, DrivingLicence, TdOfficer, "zh-HK", (r, _) => Driving(r), []),
        new("driving-approval", DemoCitizens.VerifiedEmail, DrivingLicence, TdOfficer, "en", (r, _) => Driving(r), [new("verified")]),
    ];

    public static async Task SeedIfNoneAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoApplications));
        var slugs = Applications.Select(a => a.Service).Distinct().ToList();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
            if (await db.Set<Case>().AnyAsync(c => slugs.Contains(c.ServiceSlug), cancellationToken)) return;
        }
        foreach (var application in Applications)
        {
            if (await SubmitAsync(services, application, cancellationToken) is not { } reference)
            {
                logger.LogWarning("Demo application {Key} was not made", application.Key);
                continue;
            }
            await OpenAsync(services, reference, cancellationToken);
            foreach (var step in application.Steps)
                if (!await MoveAsync(services, application, reference, step, cancellationToken))
                {
                    logger.LogWarning("Demo case {Key} did not take {Action}", application.Key, step.Action);
                    break;
                }
        }
    }

    /// <summary>Submits the application as its citizen would; the reference, or null when something it needs is missing.</summary>
    private static async Task<string?> SubmitAsync(IServiceProvider services, Application application, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OneStopDb>();
        var userId = await db.Users.Where(u => u.Email == application.Citizen).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (userId is null || await sp.GetRequiredService<StartApplication>().FindAsync(application.Service, cancellationToken) is not { } applying) return null;
        var resident = application.Citizen switch
        {
            DemoCitizens.VerifiedEmail => SandboxPopulationRegistry.Residents.Single(r => r.NameEnglish == "CHAN Tai Man"),
            DemoCitizens.AdvancedEmail => SandboxPopulationRegistry.Residents.Single(r => r.NameEnglish == "WONG Mei Ling"),
            _ => null,
        };
        var today = HongKongTime.Today(sp.GetRequiredService<TimeProvider>());
        var answers = application.Answers(resident, today);
        var form = applying.Form;

        // Files go into a draft first, as the pages upload them; the draft's file answers join the others.
        Guid? draftId = null;
        var fileFields = form.Definition.AllFields.Where(f => f.Type == Forms.Definitions.FieldType.File && answers[f.Id] is JsonValue { } v && v.GetValue<string>() == "demo").ToList();
        if (fileFields.Count > 0)
        {
            var draft = sp.GetRequiredService<StartApplication>().Create(applying, userId);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var field in fileFields)
            {
                using var content = new MemoryStream(Pdf(field.Id));
                if (await sp.GetRequiredService<AttachFile>().AddAsync(draft, form, field, field.Id + ".pdf", content, cancellationToken) is { } refused)
                {
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoApplications)).LogWarning("Demo file refused: {Kind}", refused.Kind);
                    return null;
                }
            }
            var held = sp.GetRequiredService<AnswerProtection>().Unprotect(draft.Answers);
            foreach (var field in fileFields) answers[field.Id] = held[field.Id]!.DeepClone();
            draftId = draft.Id;
        }

        // A declaration that asks for a signature is signed over exactly these answers, as the signing page does.
        Guid? signatureId = null;
        if (Forms.Declarations.SignatureCheck.SignedDeclaration(form.Definition, answers, today) is not null)
        {
            var signing = sp.GetRequiredService<DocumentSigning>();
            var hash = AnswersHash.ForSubmission(form.Definition, answers, today);
            signatureId = await signing.CreateRequestAsync(userId.Value, hash, "Demo application", "/account", cancellationToken);
            if (await signing.SignAsync(signatureId.Value, userId.Value, cancellationToken) != SignOutcome.Signed) return null;
        }

        var result = await sp.GetRequiredService<SubmitApplication>().RunAsync(
            new SubmitRequest(form, answers, "demo", application.Key, application.Language)
            {
                UserId = userId, ServiceSlug = application.Service, DraftId = draftId, SignatureRequestId = signatureId,
            }, cancellationToken);
        if (result is SubmitResult.Invalid invalid)
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoApplications)).LogWarning("Demo application {Key} refused at {Fields}", application.Key,
                string.Join(", ", invalid.Errors.Select(e => $"{e.Path}:{e.Kind}")));
        return result is SubmitResult.Accepted accepted ? accepted.Reference : null;
    }

    /// <summary>Hands the submission to the case intake now, so the demo can move it on; the outbox delivers it again later, harmlessly.</summary>
    private static async Task OpenAsync(IServiceProvider services, string reference, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var s = await db.Set<Forms.Submission>().AsNoTracking().SingleAsync(x => x.Reference == reference, cancellationToken);
        var payload = JsonSerializer.Serialize(new ApplicationSubmitted(s.Id, s.Reference, s.FormId, s.Version, s.DepartmentCode, s.ServiceSlug), JsonSerializerOptions.Web);
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().OfType<OpenCase>().Single();
        await handler.HandleAsync(new OutboxMessage { Topic = ApplicationSubmitted.Topic, Payload = payload }, cancellationToken);
    }

    private static async Task<bool> MoveAsync(IServiceProvider services, Application application, string reference, Step step, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OneStopDb>();
        var c = await db.Set<Case>().AsNoTracking().SingleAsync(x => x.Reference == reference, cancellationToken);
        var staff = await db.Set<StaffMember>().AsNoTracking()
            .Where(m => m.DepartmentCode == c.DepartmentCode && db.Users.Any(u => u.Id == m.UserId && u.Email == application.Officer))
            .SingleOrDefaultAsync(cancellationToken);
        if (staff is null) return false;
        var officer = Principal(staff);
        var actions = sp.GetRequiredService<CaseActions>();
        var result = step.Action == Ask
            ? await actions.RequestInformationAsync(officer, c.Id, c.Revision, step.Reason, cancellationToken)
            : await actions.TakeAsync(officer, c.Id, new ActionInput(step.Action, c.Revision, step.Reason, step.Note), cancellationToken);
        return result is CaseResult.Done;
    }

    /// <summary>The officer as their signed-in session would present them to <see cref="CaseActions"/>.</summary>
    private static ClaimsPrincipal Principal(StaffMember staff) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, staff.UserId.ToString()),
        new Claim(StaffClaims.Role, staff.Role.Name()),
        new Claim(StaffClaims.Department, staff.DepartmentCode!),
    ], "demo"));

    private static JsonObject Complaint(DateOnly today, string shop, string details) => new()
    {
        ["problem"] = "premises",
        ["when"] = Iso(today.AddDays(-3)),
        ["shopName"] = shop,
        ["shopAddress"] = new JsonObject { ["street"] = "12 Temple Street", ["district"] = "yau-tsim-mong" },
        ["details"] = details,
        ["wantsReply"] = false,
    };

    /// <summary>File fields say "demo": a small PDF is attached in their place.</summary>
    private static JsonObject Restaurant(DateOnly today, string name, int seats, decimal area) => new()
    {
        ["applicantType"] = "company",
        ["companyName"] = name + " Ltd",
        ["businessRegistration"] = "12345678",
        ["restaurantName"] = name,
        ["contactEmail"] = "owner@example.com",
        ["contactPhone"] = "21234567",
        ["premisesAddress"] = new JsonObject { ["floor"] = "G", ["street"] = "18 Nathan Road", ["district"] = "yau-tsim-mong" },
        ["floorArea"] = area,
        ["seats"] = seats,
        ["openingDate"] = Iso(today.AddMonths(6)),
        ["sellsLiquor"] = false,
        ["responsiblePersons"] = new JsonArray(new JsonObject { ["fullName"] = "Chan Tai Man", ["identityCard"] = "A123456(3)", ["role"] = "licensee", ["phone"] = "91234567" }),
        ["floorPlan"] = "demo",
        ["declaration"] = true,
    };

    private static JsonObject Driving(SandboxResident? resident) => new()
    {
        ["fullName"] = resident?.NameEnglish ?? "CHAN Tai Man",
        ["identityCard"] = resident?.IdentityCard ?? "A123456(3)",
        ["dateOfBirth"] = Iso(resident?.DateOfBirth ?? new DateOnly(1980, 8, 13)),
        ["address"] = new JsonObject { ["flat"] = "A", ["floor"] = "12", ["building"] = "Harbour View Mansion", ["street"] = "88 Gloucester Road", ["district"] = "wan-chai" },
        ["classes"] = new JsonArray("1"),
        ["period"] = "ten",
        ["fee"] = 900,
        ["hasCondition"] = false,
        ["declaration"] = true,
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A one-page PDF, small but real, so the upload's content check accepts it.</summary>
    private static byte[] Pdf(string title) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
        $"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n% {title}\ntrailer <</Root 1 0 R>>\n%%EOF\n");
}
