using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Catalogue;
using OneStop.Forms.Definitions;
using OneStop.Platform.Database;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Filling;

/// <summary>Arranges forms people can apply with: a published definition linked to a live demo service, as the office would link it.</summary>
public static class TestJourneys
{
    /// <summary>Publishes <paramref name="form"/> and makes it the start form of a live service of the demo catalogue; the service's slug.</summary>
    public static async Task<string> PublishForServiceAsync(OneStopApp app, FormDefinition form, string assurance = "basic", bool guests = false)
    {
        await PublishAsync(app, form);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var service = await db.Services.Where(s => s.Status == ServiceStatus.Live && s.StartFormId == null).OrderBy(s => s.Slug).FirstAsync();
        (service.StartFormId, service.RequiredAssurance, service.AllowsGuests) = (form.Id, assurance, guests);
        await db.SaveChangesAsync();
        return service.Slug;
    }

    public static OptionDefinition Option(string value) => new() { Value = value, Label = W(char.ToUpperInvariant(value[0]) + value[1..]) };

    /// <summary>A form with a field of every type: simple ones on the first page, address, file, group and declaration on the second.</summary>
    public static FormDefinition EveryType(string id = "td-every-type") => new()
    {
        Id = id,
        Department = "TD",
        Title = W("Every type"),
        Pages =
        [
            new PageDefinition
            {
                Id = "simple",
                Title = W("Simple"),
                Fields =
                [
                    Field("intro", FieldType.Heading, required: false),
                    Field("guide", FieldType.Guidance, required: false),
                    Field("name", FieldType.Text),
                    Field("story", FieldType.TextArea) with { MaxLength = 200 },
                    Field("count", FieldType.Number),
                    Field("ratio", FieldType.Decimal),
                    Field("fee", FieldType.Money),
                    Field("born", FieldType.Date),
                    Field("agree", FieldType.YesNo),
                    Field("colour", FieldType.Radios) with { Options = [Option("red"), Option("blue")] },
                    Field("extras", FieldType.Checkboxes) with { Options = [Option("wheels"), Option("bell"), Option("basket")] },
                    Field("size", FieldType.Select) with { Options = [Option("small"), Option("large")] },
                    Field("mail", FieldType.Email),
                    Field("tel", FieldType.Phone),
                    Field("card", FieldType.HongKongId),
                ],
            },
            new PageDefinition
            {
                Id = "more",
                Title = W("More"),
                Fields =
                [
                    Field("home", FieldType.Address),
                    Field("photo", FieldType.File, required: false) with { Accept = ["pdf"] },
                    People(),
                    Field("truth", FieldType.Declaration),
                ],
            },
        ],
    };

    /// <summary>A repeating group of people: at least one, at most two.</summary>
    public static FieldDefinition People() => Field("people", FieldType.Group) with
    {
        MinItems = 1,
        MaxItems = 2,
        ItemLabel = W("Person"),
        Fields = [Field("pname", FieldType.Text), Field("age", FieldType.Number, required: false)],
    };
}
