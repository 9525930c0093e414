using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms.Demo;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Tests.Forms.Engine;

/// <summary>The demo forms: clean definitions, together asking every field type, published and linked on start.</summary>
public sealed class DemoFormTests
{
    public static TheoryData<string> Names() => new(DemoDefinitions.All().Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void DemoForm_Definition_HasNoProblems(string name)
    {
        var form = DemoDefinitions.Parse(DemoDefinitions.All().Single(d => d.Name == name).Json);

        Assert.Empty(DefinitionCheck.Check(form, FileTypeNames.Known));
    }

    [Fact]
    public void DemoForms_Together_UseEveryFieldType()
    {
        var used = DemoDefinitions.All().SelectMany(d => DemoDefinitions.Deep(DemoDefinitions.Parse(d.Json))).Select(f => f.Type).ToHashSet();

        Assert.All(Enum.GetValues<FieldType>(), type => Assert.Contains(type, used));
    }

    [Fact]
    public void DemoForms_EveryOne_IsLinkedToAService()
    {
        var ids = DemoDefinitions.All().Select(d => DemoDefinitions.Parse(d.Json).Id);

        Assert.Equal(ids.Order(), DemoForms.Links.Select(l => l.Form).Order());
    }

    [Fact]
    public async Task DemoForms_OnStart_ArePublishedAndLinkedToTheirServices()
    {
        await using var app = new OneStopApp(Provider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var store = scope.ServiceProvider.GetRequiredService<FormStore>();
        var ct = TestContext.Current.CancellationToken;

        foreach (var (formId, slug, assurance, guests) in DemoForms.Links)
        {
            var form = await store.CurrentAsync(formId, ct);
            var service = await db.Services.Include(s => s.Department).SingleAsync(s => s.Slug == slug, ct);

            Assert.True(form is { Version: 1, Retired: false }, $"{formId} is not published");
            Assert.Equal(form.DepartmentCode, service.Department.Code);
            Assert.Equal((formId, assurance, guests), (service.StartFormId, service.RequiredAssurance, service.AllowsGuests));
        }
    }

    [Fact]
    public async Task DemoForms_DrivingLicence_SignsAndAsksForAProvedIdentity()
    {
        await using var app = new OneStopApp(Provider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var form = (await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync("td-renew-full-driving-licence", TestContext.Current.CancellationToken))!.Definition;

        Assert.Contains(form.AllFields, f => f is { Type: FieldType.Declaration, Signature: true });
        Assert.All(form.Pages[0].Fields.Where(f => f.HasAnswer), f => Assert.True(f is { LockVerified: true, Prefill: not null }, f.Id));
    }
}

/// <summary>The demo forms can be filled in: a realistic application passes, and their rules catch what they are for.</summary>
public sealed class DemoFormAnswerTests
{
    private static FormDefinition Form(string id) =>
        DemoDefinitions.All().Select(d => DemoDefinitions.Parse(d.Json)).Single(f => f.Id == id);

    private static string[] Errors(string formId, string answers) =>
        OneStop.Forms.Answers.FormRules.Validate(Form(formId), Engine.Obj(answers), Engine.Today).Select(e => $"{e.Path}:{e.Kind}").Order().ToArray();

    private const string File = """[{"id":"f1","name":"plan.pdf","type":"pdf","size":1000,"sha256":"ab"}]""";

    [Fact]
    public void RestaurantLicence_CompleteApplication_IsValid() => Assert.Empty(Errors("fehd-general-restaurant-licence", $$"""
        {"applicantType":"company","companyName":"Lucky Dragon Ltd","businessRegistration":"12345678","restaurantName":"Lucky Dragon",
         "contactEmail":"chan@example.com","contactPhone":"21234567",
         "premisesAddress":{"floor":"G","street":"18 Nathan Road","district":"yau-tsim-mong"},
         "floorArea":85.5,"seats":60,"openingDate":"2026-06-01","sellsLiquor":false,
         "responsiblePersons":[{"fullName":"Chan Tai Man","identityCard":"A123456(3)","role":"licensee"}],
         "floorPlan":{{File}},"declaration":true}
        """));

    [Fact]
    public void RestaurantLicence_MoreSeatsThanSquareMetres_IsRefused() => Assert.Contains("seats:rule", Errors("fehd-general-restaurant-licence",
        """{"applicantType":"person","floorArea":20,"seats":60}"""));

    [Theory]
    [InlineData("1980-05-01", "ten", 900, "[]")]
    [InlineData("1950-05-01", "short", 50, "[\"medicalReport:requiredChoice\"]")]
    [InlineData("1980-05-01", "short", 50, "[\"period:rule\"]")]
    [InlineData("1980-05-01", "ten", 50, "[\"fee:rule\"]")]
    public void DrivingLicence_PeriodAgeAndFee_Agree(string born, string period, int fee, string expected)
    {
        var errors = Errors("td-renew-full-driving-licence", $$"""
            {"fullName":"CHAN TAI MAN","identityCard":"A123456(3)","dateOfBirth":"{{born}}",
             "address":{"flat":"A","floor":"12","building":"Lung Poon Court","district":"wong-tai-sin"},
             "classes":["1","16"],"taxiCard":"123456","period":"{{period}}","fee":{{fee}},
             "hasCondition":true,"conditionDetails":"Short-sighted, I wear glasses","declaration":true}
            """);

        Assert.Equal(System.Text.Json.JsonSerializer.Deserialize<string[]>(expected), errors);
    }

    [Fact]
    public void DrivingLicence_TaxiClassNotHeld_DoesNotAskForTheTaxiCard() =>
        Assert.DoesNotContain("taxiCard:required", Errors("td-renew-full-driving-licence", """{"classes":["1"]}"""));

    [Fact]
    public void PetImport_CompleteApplication_IsValid() => Assert.Empty(Errors("afcd-dog-or-cat-import-permit", $$"""
        {"species":"cat","breed":"British Shorthair","microchip":"826012345678901","weight":4.5,"rabiesVaccination":"2025-11-02",
         "origin":"gb","arrival":"2026-04-20","flight":"CX251",
         "ownerName":"Jane Smith","email":"jane@example.com","overseasPhone":"+442079460000","healthCertificate":{{File}},"declaration":true}
        """));

    [Fact]
    public void PetImport_ArrivalTooSoon_SaysApplyEarlier()
    {
        var error = OneStop.Forms.Answers.FormRules.Validate(Form("afcd-dog-or-cat-import-permit"), Engine.Obj("""{"arrival":"2026-03-18"}"""), Engine.Today)
            .Single(e => e.Path == "arrival");

        Assert.Equal("dateTooEarly", error.Kind);
        Assert.StartsWith("Apply at least 5 working days", error.Custom?.En);
    }
}
