using OneStop.Identity.Staff;

namespace OneStop.Tests.Office;

/// <summary>The back-office pages in each language: every string found, the page's language set, no error summary.</summary>
public sealed class OfficePagesTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    [Fact]
    public async Task OfficePages_InEveryLanguage_HaveAllTheirStrings()
    {
        var (platform, email) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var (department, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var slug = await _app.AServiceOfAsync("TD");
        var id = await _app.UserIdAsync(email);
        (HttpClient, string)[] pages =
        [
            (platform, "/office"), (platform, "/office/departments"), (platform, "/office/clients"), (platform, "/office/staff"),
            (platform, "/office/staff/add"), (platform, $"/office/staff/{id}"),
            (department, "/office"), (department, "/office/services"), (department, $"/office/services/{slug}"), (department, "/office/services/upload"),
        ];
        var missing = new List<string>();

        foreach (var (prefix, lang) in new[] { ("", "en"), ("/zh-hk", "zh-HK"), ("/zh-cn", "zh-CN") })
        {
            foreach (var (client, path) in pages)
            {
                var (status, page) = await client.GetPageAsync(prefix + path);
                var text = page.Body!.TextContent;
                if (status != 200 || page.DocumentElement.GetAttribute("lang") != lang || text.Contains("[office.") || text.Contains("[staff.") || text.Contains("[channel"))
                    missing.Add($"{prefix}{path}: {status}");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
