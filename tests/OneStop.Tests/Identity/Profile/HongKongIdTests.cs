using OneStop.Identity.Profile;
using OneStop.Identity.Profile.Registry;

namespace OneStop.Tests.Identity.Profile;

/// <summary>Hong Kong identity card numbers: format, check digit (modulus 11), normalising and masking.</summary>
public sealed class HongKongIdTests
{
    [Theory]
    [InlineData("A123456(3)", "A1234563")]
    [InlineData("a123456(3)", "A1234563")]
    [InlineData("A1234563", "A1234563")]
    [InlineData(" A 123456 (3) ", "A1234563")]
    [InlineData("P557310(A)", "P557310A")]
    [InlineData("p557310a", "P557310A")]
    [InlineData("AB987654(3)", "AB9876543")]
    [InlineData("XA204816(4)", "XA2048164")]
    [InlineData("C668668(9)", "C6686689")]
    public void Parse_ValidNumber_ReturnsCompactForm(string input, string compact)
    {
        var card = HongKongId.Parse(input);

        Assert.Equal(compact, card?.Compact);
    }

    [Theory]
    [InlineData("A123456(4)")] // wrong check digit
    [InlineData("A123456(A)")]
    [InlineData("AB987654(2)")]
    [InlineData("A12345(6)")] // five digits
    [InlineData("A1234567(8)")] // seven digits
    [InlineData("123456(3)")] // no letter
    [InlineData("ABC123456(3)")] // three letters
    [InlineData("A12B456(3)")]
    [InlineData("A123456(B)")] // check digit is 0-9 or A only
    [InlineData("")]
    [InlineData(null)]
    public void Parse_InvalidNumber_ReturnsNull(string? input)
    {
        Assert.Null(HongKongId.Parse(input));
    }

    [Theory]
    [InlineData("A123456", '3')]
    [InlineData("P557310", 'A')]
    [InlineData("R206841", '8')]
    [InlineData("AB987654", '3')]
    public void CheckDigit_KnownNumbers_MatchesTheImmigrationDepartmentRule(string body, char expected)
    {
        Assert.Equal(expected, HongKongId.CheckDigit(body));
    }

    [Fact]
    public void CheckDigit_ComputedForAnyBody_MakesTheNumberValid()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 200; i++)
        {
            var letters = new string(Enumerable.Range(0, random.Next(1, 3)).Select(_ => (char)('A' + random.Next(26))).ToArray());
            var body = letters + random.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var check = HongKongId.CheckDigit(body);

            Assert.NotNull(HongKongId.Parse($"{body}({check})"));
            var wrong = check == '0' ? '1' : '0';
            Assert.Null(HongKongId.Parse($"{body}({wrong})"));
        }
    }

    [Theory]
    [InlineData("A123456(3)", "A123***(*)", "A123456(3)")]
    [InlineData("ab987654(3)", "AB987***(*)", "AB987654(3)")]
    public void Masked_And_ToString_ShowTheCardAsPrinted(string input, string masked, string printed)
    {
        var card = HongKongId.Parse(input)!.Value;

        Assert.Equal(masked, card.Masked);
        Assert.Equal(printed, card.ToString());
    }

    [Fact]
    public void SandboxResidents_AtLeastTenWithValidCards()
    {
        var residents = SandboxPopulationRegistry.Residents;

        Assert.True(residents.Count >= 10);
        Assert.All(residents, r => Assert.NotNull(HongKongId.Parse(r.IdentityCard)));
        Assert.Equal(residents.Count, residents.Select(r => r.Card).Distinct().Count());
    }

    [Theory]
    [InlineData("9123 4567", "+85291234567")]
    [InlineData("2123-4567", "+85221234567")]
    [InlineData("+852 6123 4567", "+85261234567")]
    [InlineData("+44 20 7946 0000", "+442079460000")]
    [InlineData("1234 5678", null)]
    [InlineData("+852 1234 5678", null)]
    [InlineData("12345", null)]
    public void PhoneNumbers_Normalise_GivesE164OrNull(string input, string? expected)
    {
        Assert.Equal(expected, PhoneNumbers.Normalise(input));
    }
}
