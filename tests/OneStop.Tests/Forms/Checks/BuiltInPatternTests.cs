using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Checks;

/// <summary>
/// The email and phone shapes run without a timeout (linear-time matching), so a busy node cannot turn a valid
/// answer into a 500; these pin down that they still accept and refuse what they did.
/// </summary>
public sealed class BuiltInPatternTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static string? Kind(FieldDefinition field, string answer) =>
        FormRules.Validate(OnePage("td-patterns", field), new JsonObject { [field.Id] = answer }, Today).SingleOrDefault()?.Kind;

    [Theory]
    [InlineData("chan.tai.man@example.com", null)]
    [InlineData("a@b.hk", null)]
    [InlineData("no-at-sign.example.com", "email")]
    [InlineData("two@@example.com", "email")]
    [InlineData("spaces in@example.com", "email")]
    [InlineData("nodot@example", "email")]
    public void Validate_EmailAnswer_AcceptsOnlyTheEmailShape(string answer, string? expected) =>
        Assert.Equal(expected, Kind(Field("email", FieldType.Email), answer));

    [Theory]
    [InlineData("hk", "91234567", null)]
    [InlineData("hk", "12345678", "phoneHk")]
    [InlineData("hk", "9123456", "phoneHk")]
    [InlineData("international", "+85291234567", null)]
    [InlineData("international", "85291234567", "phoneInternational")]
    [InlineData("any", "+441234567890", null)]
    [InlineData("any", "21234567", null)]
    [InlineData("any", "+0123", "phoneAny")]
    public void Validate_PhoneAnswer_FollowsTheFieldsRegion(string region, string answer, string? expected) =>
        Assert.Equal(expected, Kind(Field("phone", FieldType.Phone) with { PhoneRegion = region }, answer));
}
