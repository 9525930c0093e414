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
