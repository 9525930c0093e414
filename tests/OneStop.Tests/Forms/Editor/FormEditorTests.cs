using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Identity.Staff;
using OneStop.Office.Forms;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.Editor.EditorSteps;

namespace OneStop.Tests.Forms.Editor;

/// <summary>Department administrators build a form in the structured editor, publish it, change it and retire it.</summary>
public abstract class FormEditorTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task Editor_BuildPublishChangeRetire_KeepsThePublishedVersionAndShowsWhatChanged()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        await admin.CreateFormAsync("td-parking-permit");
        var edit = "/office/forms/td-parking-permit/edit";

        // A second page whose first question is a choice, given two options with the no-JavaScript buttons.
        using (var added = await admin.EditAsync(edit + "/add-page", changes:
               [.. Words("First.PageTitle", "Your vehicle"), ("First.FieldId", "vehicle"), ("First.FieldType", "radios"), .. Words("First.Label", "Kind of vehicle")]))
            Assert.Equal(edit + "/pages/page2", added.Location());
        using (var first = await admin.EditAsync(edit + "/fields/vehicle", button: ("Action", "option-add:0"), changes:
               [("Required", "true"), ("Options[0].Value", "car"), .. Words("Options[0].Label", "Car")]))
            Assert.Equal(edit + "/fields/vehicle#section-options", first.Location());
        using (var second = await admin.EditAsync(edit + "/fields/vehicle", changes: [("Options[1].Value", "van"), .. Words("Options[1].Label", "Van")]))
            Assert.Equal(edit + "/pages/page2", second.Location());

        // A question asked only for cars, with the condition builder.
        using (var plate = await admin.EditAsync(edit + "/add-field?onPage=page2", changes: [("FieldId", "plate"), ("FieldType", "text"), .. Words("Label", "Number plate")]))
            Assert.Equal(edit + "/fields/plate", plate.Location());
        var (_, plateEditor) = await admin.GetPageAsync(edit + "/fields/plate");
        Assert.Equal(["", "applicantName", "vehicle"], plateEditor.QuerySelectorAll("#ShowIfRows_0__Field option").Select(o => o.GetAttribute("value")));
        using (var saved = await admin.EditAsync(edit + "/fields/plate", changes:
               [("Required", "true"), ("ShowIfMode", "builder"), ("ShowIfRows[0].Field", "vehicle"), ("ShowIfRows[0].Test", "equals"), ("ShowIfRows[0].Value", "car")]))
            Assert.Equal(edit + "/pages/page2", saved.Location());

        var (_, publishPage) = await admin.GetPageAsync("/office/forms/td-parking-permit/publish");
        Assert.Empty(publishPage.QuerySelectorAll("#problems li"));
        using (var published = await admin.EditAsync("/office/forms/td-parking-permit/publish"))
            Assert.Equal("/office/forms/td-parking-permit", published.Location());

        var current = await CurrentAsync("td-parking-permit");
        Assert.Equal(1, current.Version);
        var vehicle = current.Definition.Field("vehicle")!;
        Assert.Equal(["car", "van"], vehicle.Options.Select(o => o.Value));
        Assert.Equal("Van（简）", vehicle.Options[1].Label.ZhCn);
        Assert.True(vehicle.Required);
        var showIf = Assert.IsType<FieldCondition>(current.Definition.Field("plate")!.ShowIf);
        Assert.Equal(("vehicle", Comparison.Equals, "car"), (showIf.Field, showIf.Comparison, showIf.Operand!.GetValue<string>()));
        var publishedJson = (await _app.VersionsAsync("td-parking-permit")).Single().Definition;

        // Changing it again makes draft version 2; version 1 stays published and byte for byte the same.
        using (var relabelled = await admin.EditAsync(edit + "/fields/applicantName", changes: Words("Label", "Full name")))
            Assert.Equal(edit + "/pages/page1", relabelled.Location());
        var versions = await _app.VersionsAsync("td-parking-permit");
        Assert.Equal([(1, VersionState.Published), (2, VersionState.Draft)], versions.Select(v => (v.Version, v.State)));
        Assert.Equal(publishedJson, versions[0].Definition);
        Assert.Equal(1, (await _app.FormAsync("td-parking-permit")).PublishedVersion);
        Assert.Equal("Your name", (await CurrentAsync("td-parking-permit")).Definition.Field("applicantName")!.Label!.En);

        var (_, changes) = await admin.GetPageAsync("/office/forms/td-parking-permit/changes?from=1&to=2");
        var rows = changes.QuerySelectorAll("#changes tbody tr");
        Assert.True(rows.Length == 1, string.Join("\n", rows.Select(r => r.TextContent.Trim())));
        var row = rows[0];
        Assert.Equal(("changed", "field", "applicantName", "label"),
            (row.GetAttribute("data-change"), row.GetAttribute("data-item"), row.GetAttribute("data-id"), row.GetAttribute("data-property")));
        Assert.Equal("Your name / Your name（繁） / Your name（简）", row.QuerySelector("[data-old]")!.TextContent);
        Assert.Equal("Full name / Full name（繁） / Full name（简）", row.QuerySelector("[data-new]")!.TextContent);

        using (var retired = await admin.EditAsync("/office/forms/td-parking-permit/retire"))
            Assert.Equal("/office/forms/td-parking-permit", retired.Location());
        Assert.NotNull((await _app.FormAsync("td-parking-permit")).RetiredAt);
        var (_, list) = await admin.GetPageAsync("/office/forms");
        var listed = list.QuerySelector("tr[data-form=td-parking-permit]")!;
        Assert.Equal(("1", "yes"), (listed.QuerySelector("[data-published]")!.GetAttribute("data-published"), listed.QuerySelector("[data-draft]")!.GetAttribute("data-draft")));
        Assert.NotNull(listed.QuerySelector("[data-retired]"));
        var events = await _app.QueryAsync(db => db.AuditEntries.Where(e => e.TargetId == "td-parking-permit").Select(e => e.Event).Distinct().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equivalent(new[] { FormEditorEvents.Created, FormEvents.DraftSaved, FormEvents.Published, FormEvents.Retired }, events, strict: true);
    }

    [Fact]
    public async Task Editor_GroupChildrenAndARule_AreSavedIntoTheDraftWithoutProblems()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        await admin.CreateFormAsync("td-directors");
        var edit = "/office/forms/td-directors/edit";

        using (await admin.EditAsync(edit + "/add-field?onPage=page1", changes: [("FieldId", "directors"), ("FieldType", "group"), .. Words("Label", "Directors")])) { }
        using (var group = await admin.EditAsync(edit + "/fields/directors", changes: [("MaxItems", "5"), ("MinItems", "1"), .. Words("ItemLabel", "Director")]))
            Assert.Equal(edit + "/fields/directors", group.Location()); // no child yet: a problem, so it stays to show it
        using (var child = await admin.EditAsync(edit + "/add-field?group=directors", changes: [("FieldId", "name"), ("FieldType", "text"), .. Words("Label", "Name")]))
            Assert.Equal(edit + "/fields/directors/name", child.Location());
        using (var childSaved = await admin.EditAsync(edit + "/fields/directors/name", changes: [("Required", "true"), ("MaxLength", "80")]))
            Assert.Equal(edit + "/fields/directors", childSaved.Location());
        using (var rule = await admin.EditAsync(edit + "/rules", changes:
               [("RuleId", "nameGiven"), ("Field", "directors"), ("AssertMode", "builder"), ("AssertRows[0].Field", "applicantName"), ("AssertRows[0].Test", "answered"), ("AssertRows[0].Value", "yes"), .. Words("Message", "Give your name first")]))
            Assert.Equal(edit + "#section-rules", rule.Location());

        var draft = await _app.DefinitionAsync("td-directors", 1);
        var directors = draft.Field("directors")!;
        Assert.Equal((1, 5, "Director（繁）"), (directors.MinItems, directors.MaxItems, directors.ItemLabel!.ZhHk));
        var name = Assert.Single(directors.Fields);
        Assert.Equal(("name", true, 80), (name.Id, name.Required, name.MaxLength));
        var nameGiven = Assert.Single(draft.Rules);
        var assert = Assert.IsType<FieldCondition>(nameGiven.Assert);
        Assert.Equal(("directors", "applicantName", Comparison.Answered, true), (nameGiven.Field, assert.Field, assert.Comparison, assert.Operand!.GetValue<bool>()));
        var (_, publish) = await admin.GetPageAsync("/office/forms/td-directors/publish");
        Assert.Empty(publish.QuerySelectorAll("#problems li"));
    }

    [Fact]
    public async Task Publish_DraftWithProblems_IsRefusedAndListsThemWhereTheyAre()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        await admin.CreateFormAsync("td-choice-without-options", "colour", "radios");

        // The page offers no button while there are problems; a post made anyway is refused too.
        var (_, editor) = await admin.GetPageAsync("/office/forms/td-choice-without-options/edit");
        var draftToken = editor.QuerySelector("input[name=Base]")!.GetAttribute("value")!;
        using var response = await admin.PostFormAsync("/office/forms/td-choice-without-options/publish", await admin.TokenAsync(), ("Base", draftToken));
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        var problem = Assert.Single(page.QuerySelectorAll("#problems li"));
        Assert.Equal("pages[0].fields[0].options", problem.GetAttribute("data-where"));
        Assert.Equal("/office/forms/td-choice-without-options/edit/fields/colour#Options_0__Value", problem.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("List the options to choose from.", problem.TextContent);
        Assert.Null((await _app.FormAsync("td-choice-without-options")).PublishedVersion);
    }

    [Fact]
    public async Task Publish_ProblemsInChinese_AreWordedInTheAdministratorsLanguage()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        await admin.CreateFormAsync("td-choice-in-chinese", "colour", "radios");

        var (_, traditional) = await admin.GetPageAsync("/zh-hk/office/forms/td-choice-in-chinese/publish");
        var (_, simplified) = await admin.GetPageAsync("/zh-cn/office/forms/td-choice-in-chinese/publish");

        Assert.Contains("請列出可供選擇的選項。", Assert.Single(traditional.QuerySelectorAll("#problems li")).TextContent);
        Assert.Contains("请列出可供选择的选项。", Assert.Single(simplified.QuerySelectorAll("#problems li")).TextContent);
    }

    [Fact]
    public async Task EditField_ConditionJsonThatDoesNotRead_ShowsTheErrorAndKeepsWhatWasTyped()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        await admin.CreateFormAsync("td-bad-condition");
        var before = (await _app.VersionsAsync("td-bad-condition")).Single().Definition;

        using var response = await admin.EditAsync("/office/forms/td-bad-condition/edit/fields/applicantName",
            changes: [("ShowIfMode", "json"), ("ShowIfJson", "{\"field\":\"x\",\"looksLike\":1}"), ("LabelEn", "Kept after the error"), ("MaxLength", "ten")]);
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equivalent(new[] { "Enter a whole number, or leave it empty", "The condition is not valid JSON: Unknown test 'looksLike'. Use one of: equals, notEquals, in, contains, answered, greaterThan, lessThan, atLeast, atMost." },
            page.ErrorSummary(), strict: true);
        Assert.Equal("{\"field\":\"x\",\"looksLike\":1}", page.QuerySelector("#ShowIfJson")!.TextContent);
        Assert.Equal("Kept after the error", page.QuerySelector("#LabelEn")!.GetAttribute("value"));
        Assert.Equal("ten", page.QuerySelector("#MaxLength")!.GetAttribute("value"));
        Assert.Equal(before, (await _app.VersionsAsync("td-bad-condition")).Single().Definition);
    }

    [Fact]
    public async Task EditField_PageOpenedBeforeAnotherSave_IsRefusedInsteadOfOverwriting()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        await admin.CreateFormAsync("td-two-editors");
        var (_, stalePage) = await admin.GetPageAsync("/office/forms/td-two-editors/edit/fields/applicantName");
        using (await admin.EditAsync("/office/forms/td-two-editors/edit/fields/applicantName", changes: [("LabelEn", "First editor")])) { }

        var values = ValuesOf(stalePage.QuerySelector("form[method=post]")!);
        values.RemoveAll(v => v.Key == "LabelEn");
        values.Add(new("LabelEn", "Second editor"));
        using var response = await admin.PostAsync("/office/forms/td-two-editors/edit/fields/applicantName", new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("Someone else changed the draft", Assert.Single((await response.ReadPageAsync()).ErrorSummary()));
        Assert.Equal("First editor", (await _app.DefinitionAsync("td-two-editors", 1)).Field("applicantName")!.Label!.En);
    }

    [Fact]
    public async Task FormPages_AnotherDepartmentsForm_AreNotFound()
    {
        await TestForms.PublishAsync(_app, TestForms.OnePage("td-not-for-fehd", TestForms.Field("plate", FieldType.Text)));
        var (fehd, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");
        var token = await fehd.TokenAsync();

        string[] pages = ["", "/edit", "/edit/pages/main", "/edit/fields/plate", "/edit/rules", "/edit/add-page", "/edit/add-field?onPage=main",
            "/versions/1/json", "/changes", "/publish", "/retire", "/upload"];
        foreach (var page in pages)
        {
            using var get = await fehd.GetAsync("/office/forms/td-not-for-fehd" + page, TestContext.Current.CancellationToken);
            Assert.True(get.StatusCode == System.Net.HttpStatusCode.NotFound, $"GET {page} answered {(int)get.StatusCode}");
        }
        foreach (var page in new[] { "/publish", "/retire", "/edit", "/edit/fields/plate" })
        {
            using var post = await fehd.PostFormAsync("/office/forms/td-not-for-fehd" + page, token);
            Assert.True(post.StatusCode == System.Net.HttpStatusCode.NotFound, $"POST {page} answered {(int)post.StatusCode}");
        }
        var (_, list) = await fehd.GetPageAsync("/office/forms");
        Assert.Null(list.QuerySelector("tr[data-form=td-not-for-fehd]"));
        Assert.Null((await _app.FormAsync("td-not-for-fehd")).RetiredAt);
    }

    [Fact]
    public async Task FormPages_OfficerWithoutAdminRole_CanLookButNotChange()
    {
        await TestForms.PublishAsync(_app, TestForms.OnePage("td-officer-looks", TestForms.Field("plate", FieldType.Text)));
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");
        var token = await officer.TokenAsync();

        var (status, page) = await officer.GetPageAsync("/office/forms/td-officer-looks");
        Assert.Equal(200, status);
        Assert.Null(page.QuerySelector("a[href='/office/forms/td-officer-looks/edit']"));
        Assert.Equal(200, (await officer.GetTextAsync("/office/forms/td-officer-looks/versions/1/json")).Status);
        using var edit = await officer.GetAsync("/office/forms/td-officer-looks/edit", TestContext.Current.CancellationToken);
        Assert.Equal("forbidden", edit.Outcome());
        using var retire = await officer.PostFormAsync("/office/forms/td-officer-looks/retire", token);
        Assert.Equal("forbidden", retire.Outcome());
        Assert.Null((await _app.FormAsync("td-officer-looks")).RetiredAt);
    }

    private async Task<LoadedForm> CurrentAsync(string id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(id, TestContext.Current.CancellationToken))!;
    }
}

public sealed class FormEditorTests_Sqlite() : FormEditorTests(Provider.Sqlite);

public sealed class FormEditorTests_Postgres() : FormEditorTests(Provider.Postgres);
