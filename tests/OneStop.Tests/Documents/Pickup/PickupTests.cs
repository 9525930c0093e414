using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents;
using OneStop.Documents.Appointments;
using OneStop.Documents.Pickup;
using OneStop.Tests.Documents.Appointments;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Pickup;

/// <summary>The holder's choice of how to receive a document: electronic only, by post (profile or typed address), or at a counter.</summary>
public abstract class PickupTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    private async Task<IReadOnlyList<string>> SavedAddressAsync(Guid documentId)
    {
        var delivery = await _app.DeliveryAsync(documentId);
        Assert.NotNull(delivery?.Address);
        Assert.DoesNotContain("Mansion", delivery.Address);
        await using var scope = _app.Services.CreateAsyncScope();
        var json = scope.ServiceProvider.GetRequiredService<DocumentText>().UnprotectOrNull(delivery.Address)!;
        return JsonSerializer.Deserialize<string[]>(json)!;
    }

    [Fact]
    public async Task ChoosePost_ProfileCorrespondenceAddress_SavedAsItsLinesEncryptedAndAudited()
    {
        var (client, _, _, document) = await _app.IssuedDocumentAsync();
        using (var profile = await client.SubmitAsync("/account/profile/address/correspondence",
                   Fields(("Flat", "A"), ("Floor", "12/F"), ("Building", "Happy Mansion"), ("Street", "1 Queen's Road East"), ("District", "wan-chai"))))
            Assert.Equal("/account/profile", profile.Location());

        using var post = await client.SubmitAsync(DocumentPaths.Collect(document.Id), Fields(("Method", "post")));
        Assert.Equal(PickupPaths.Post(document.Id), post.Location());
        var (_, page) = await client.GetPageAsync(PickupPaths.Post(document.Id));
        Assert.Contains("Happy Mansion", page.QuerySelector("[data-profile-address=correspondence]")!.TextContent);
        using var saved = await client.SubmitAsync(page, PickupPaths.Post(document.Id), Fields(("Source", "correspondence")));

        Assert.Equal(PickupPaths.Saved(document.Id), saved.Location());
        Assert.Equal(["A, 12/F", "Happy Mansion", "1 Queen's Road East", "Wan Chai", "Hong Kong Island"], await SavedAddressAsync(document.Id));
        Assert.Equal(DeliveryMethod.Post, (await _app.DeliveryAsync(document.Id))!.Method);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Event == DocumentAuditEvents.DeliveryChosen && e.ActorId == document.HolderId && e.Detail == "method=post", Cancel)));
        var (_, collect) = await client.GetPageAsync(saved.Location());
        Assert.NotNull(collect.QuerySelector("[data-saved]"));
        Assert.Contains("Happy Mansion", collect.QuerySelector("[data-address]")!.TextContent);
    }

    [Fact]
    public async Task ChoosePost_TypedAddressWithMistakes_ErrorsKeepWhatWasTyped()
    {
        var (client, _, _, document) = await _app.IssuedDocumentAsync();
        var tooLong = new string('x', DeliveryChoices.MaxLineLength + 1);

        using var wrong = await client.SubmitAsync(PickupPaths.Post(document.Id), Fields(("Line2", "Block 3"), ("Line3", tooLong)));

        var page = await wrong.ReadPageAsync();
        Assert.Equal(["Enter the first line of the address", "Address line 3 (optional) must be 100 characters or fewer", "Enter the district or area"], page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal("Block 3", page.QuerySelector("#Line2")!.GetAttribute("value"));
        Assert.Equal(tooLong, page.QuerySelector("#Line3")!.GetAttribute("value"));
        Assert.Null(await _app.DeliveryAsync(document.Id));

        using var right = await client.SubmitAsync(page, PickupPaths.Post(document.Id), Fields(("Line1", " Flat 3, Happy Mansion "), ("Line2", "Block 3"), ("Line3", ""), ("Line4", "Sha Tin")));

        Assert.Equal(PickupPaths.Saved(document.Id), right.Location());
        Assert.Equal(["Flat 3, Happy Mansion", "Block 3", "Sha Tin"], await SavedAddressAsync(document.Id));
    }

    [Fact]
    public async Task ChooseWallet_FromACounterWithAnAppointment_AppointmentCancelledAndSeatGivenBack()
    {
        await _app.TestCounterAsync();
        var (client, _, _, document) = await _app.IssuedDocumentAsync();
        await client.ChooseCounterAsync(document.Id);
        var day = await _app.OpenDayAsync();
        using var booked = await client.BookThroughPagesAsync(document.Id, day, new TimeOnly(9, 30));
        var code = BookingSteps.CodeOf(booked);

        using var wallet = await client.SubmitAsync(DocumentPaths.Collect(document.Id), Fields(("Method", "wallet")));

        Assert.Equal(PickupPaths.Saved(document.Id), wallet.Location());
        var delivery = await _app.DeliveryAsync(document.Id);
        Assert.Equal((DeliveryMethod.Wallet, (Guid?)null, (string?)null), (delivery!.Method, delivery.AppointmentId, delivery.Address));
        Assert.Equal(AppointmentState.Cancelled, (await _app.AppointmentAsync(code)).State);
        Assert.Equal(0, (await _app.SlotAsync(day, new TimeOnly(9, 30)))!.Booked);
        Assert.Equal(2, await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Event == DocumentAuditEvents.DeliveryChosen && e.ActorId == document.HolderId, Cancel)));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Event == DocumentAuditEvents.AppointmentCancelled && e.TargetId == code, Cancel)));
    }

    [Fact]
    public async Task Choose_ChangedInAnotherWindow_ShowsItAndAsksAgain()
    {
        var (client, _, _, document) = await _app.IssuedDocumentAsync();
        var (_, first) = await client.GetPageAsync(DocumentPaths.Collect(document.Id));
        using (var other = await client.SubmitAsync(DocumentPaths.Collect(document.Id), Fields(("Method", "wallet"))))
            Assert.Equal(PickupPaths.Saved(document.Id), other.Location());

        using var stale = await client.SubmitAsync(first, DocumentPaths.Collect(document.Id), Fields(("Method", "counter")));

        var page = await stale.ReadPageAsync();
        Assert.Single(page.ErrorSummary());
        Assert.Equal("wallet", page.QuerySelector("[data-current-choice]")!.GetAttribute("data-current-choice"));
        Assert.Equal(DeliveryMethod.Wallet, (await _app.DeliveryAsync(document.Id))!.Method);
    }

    [Fact]
    public async Task Collect_NothingChosen_ErrorAndNothingSaved()
    {
        var (client, _, _, document) = await _app.IssuedDocumentAsync();

        using var response = await client.SubmitAsync(DocumentPaths.Collect(document.Id), Fields());

        var page = await response.ReadPageAsync();
        Assert.Equal(["Choose how you want to receive your document"], page.ErrorSummary());
        Assert.Equal(["wallet", "post", "counter"], page.QuerySelectorAll("input[name=Method]").Select(i => i.GetAttribute("value")));
        Assert.Null(await _app.DeliveryAsync(document.Id));
    }
}

public sealed class PickupSqliteTests() : PickupTests(Provider.Sqlite);

public sealed class PickupPostgresTests() : PickupTests(Provider.Postgres);
