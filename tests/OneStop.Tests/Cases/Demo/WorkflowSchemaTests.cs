using System.Text.Json;
using Json.Schema;
using OneStop.Cases.Demo;
using OneStop.Cases.Workflows;

namespace OneStop.Tests.Cases.Demo;

/// <summary>The published JSON Schema (docs/cases/workflow-definition.schema.json) accepts the demo and default workflows and refuses what the check would.</summary>
public sealed class WorkflowSchemaTests
{
    private static string Doc(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneStop.slnx"))) folder = folder.Parent;
        return File.ReadAllText(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No OneStop.slnx above the test folder."), "docs", "cases", name));
    }

    private static readonly Lazy<JsonSchema> Published = new(() => JsonSchema.FromText(Doc("workflow-definition.schema.json")));

    private static bool Valid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Published.Value.Evaluate(document.RootElement).IsValid;
    }

    public static TheoryData<string> Services() => new(DemoWorkflowDefinitions.All.Select(w => w.Service));

    [Theory]
    [MemberData(nameof(Services))]
    public void Schema_DemoWorkflow_IsValid(string service) =>
        Assert.True(Valid(WorkflowJson.Write(DemoWorkflowDefinitions.All.Single(w => w.Service == service).Definition)));

    [Fact]
    public void Docs_ExampleWorkflow_ReadsPassesTheCheckAndTheSchema()
    {
        var doc = Doc("workflows.md");
        var start = doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var workflow = WorkflowJson.Parse(json, out var error);

        Assert.True(workflow is not null, error);
        Assert.Empty(WorkflowCheck.Run(workflow));
        Assert.True(Valid(json));
    }

    [Fact]
    public void Schema_DefaultWorkflow_IsValid() => Assert.True(Valid(WorkflowJson.Write(DefaultWorkflow.Definition)));

    [Fact]
    public void Schema_EndStateWithATarget_IsInvalid()
    {
        var w = DefaultWorkflow.Definition with { States = [.. DefaultWorkflow.Definition.States.Select(s => s.IsEnd ? s with { WorkingDays = 3 } : s)] };

        Assert.NotEmpty(WorkflowCheck.Run(w));
        Assert.False(Valid(WorkflowJson.Write(w)));
    }

    [Fact]
    public void Schema_UnknownRoleOrBuiltInStateId_IsInvalid()
    {
        var role = DefaultWorkflow.Definition with { Actions = [.. DefaultWorkflow.Definition.Actions.Select(a => a with { Role = "clerk" })] };
        var reserved = DefaultWorkflow.Definition with { States = [.. DefaultWorkflow.Definition.States, BuiltInStates.Withdrawn] };

        Assert.False(Valid(WorkflowJson.Write(role)));
        Assert.False(Valid(WorkflowJson.Write(reserved)));
    }
}
