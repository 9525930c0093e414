using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Office.Counters;

/// <summary>The post queue: the department's documents to post, oldest first with their addresses; marked posted once; other departments see none.</summary>
public abstract class PostQueueTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task PostQueue_TwoWaiting_OldestFirstWithNameAndAddressLines()
    {
        var older = await _app.PostDeliveryAsync("Flat A, 3/F", "8 Nathan Road", "Tsim Sha Tsui, Kowloon");
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await _app.PostDeliveryAsync("Room 1, 10/F", "1 Queen's Road Central", "Hong Kong");
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");

        var page = await officer.PageAsync("/office/documents/post");

        var rows = page.QuerySelectorAll("table[data-post] tbody tr");
        Assert.Equal([older.Id.ToString(), newer.Id.ToString()], rows.Select(r => r.GetAttribute("data-document")));
        Assert.Equal(await _app.HolderNameAsync(older), rows[0].QuerySelector("[data-holder]")!.TextContent);
        Assert.Equal(["Flat A, 3/F", "8 Nathan Road", "Tsim Sha Tsui, Kowloon"],
            rows[0].QuerySelector("[data-address]")!.ChildNodes.Where(n => n.NodeType == AngleSharp.Dom.NodeType.Text).Select(n => n.TextContent.Trim()).Where(t => t.Length > 0));
        Assert.Contains(older.Number, rows[0].TextContent);
    }

    [Fact]
    public async Task MarkPosted_PressedTwice_PostedOnceAuditedAndOffTheQueue()
    {
        var document = await _app.PostDeliveryAsync("Flat A, 3/F", "8 Nathan Road");
        var (officer, officerId, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");
        var url = $"/office/documents/post?handler=Posted&document={document.Id}";
        var token = await officer.TokenAsync("/office/documents/post");

        using var first = await officer.PostFormAsync(url, token);
        var postedAt = (await _app.DeliveryAsync(document.Id)).PostedAt;
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var second = await officer.PostFormAsync(url, token);

        Assert.Equal(("/office/documents/post", "/office/documents/post"), (first.Location(), second.Location()));
        Assert.NotNull(postedAt);
        Assert.Equal(postedAt, (await _app.DeliveryAsync(document.Id)).PostedAt);
        var audit = Assert.Single(await _app.AuditAsync(DocumentAuditEvents.Posted, $"{document.Number} v{document.Version}"));
        Assert.Equal((officerId, document.HolderId), (audit.ActorId, audit.SubjectId));
        var page = await officer.PageAsync("/office/documents/post");
        Assert.Null(page.QuerySelector($"tr[data-document='{document.Id}']"));
        Assert.Equal("alreadyPosted", page.QuerySelector("[data-desk-banner]")!.GetAttribute("data-desk-banner"));
    }

    [Fact]
    public async Task PostQueue_AnotherDepartmentsOfficer_NotListedAndNotFound()
    {
        var document = await _app.PostDeliveryAsync("Flat A, 3/F", "8 Nathan Road");
        var (fehd, _, _) = await _app.OfficerAsync(StaffRole.Officer, "FEHD");

        var page = await fehd.PageAsync("/office/documents/post");
        using var press = await fehd.PostFormAsync($"/office/documents/post?handler=Posted&document={document.Id}", await fehd.TokenAsync());

        Assert.Null(page.QuerySelector($"tr[data-document='{document.Id}']"));
        Assert.Equal(404, (int)press.StatusCode);
        Assert.Null((await _app.DeliveryAsync(document.Id)).PostedAt);
    }
}

public sealed class PostQueueSqliteTests() : PostQueueTests(Provider.Sqlite);

public sealed class PostQueuePostgresTests() : PostQueueTests(Provider.Postgres);
