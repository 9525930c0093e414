using OneStop.Documents.Templates;

namespace OneStop.Tests.Documents.Templates;

/// <summary>Verification shows the holder's name partly hidden: enough to match the person in front of you, not to learn who they are.</summary>
public sealed class NameMaskTests
{
    [Theory]
    [InlineData("CHAN Tai Man", "C*** T** M**")]
    [InlineData("Lee", "L**")]
    [InlineData("陳大文", "陳*文")]
    [InlineData("歐陽小明", "歐**明")]
    [InlineData("陳文", "陳*")]
    [InlineData("陳", "陳")]
    [InlineData("A", "A")]
    [InlineData("O'NEIL Mary-Jane", "O***** M********")]
    [InlineData("  CHAN   Tai  Man ", "C*** T** M**")]
    [InlineData("CHAN 大文", "C*** 大*")]
    public void Mask_Name_KeepsWhatIdentifiesLittle(string name, string masked)
    {
        Assert.Equal(masked, NameMask.Mask(name));
    }

    [Fact]
    public void Mask_CharacterOutsideTheBasicPlane_CountedAsOne()
    {
        // 𠮷 (U+20BB7) is two UTF-16 units: it must not be split into halves.
        Assert.Equal("𠮷*文", NameMask.Mask("𠮷大文"));
    }

    [Fact]
    public void Mask_Empty_Empty()
    {
        Assert.Equal("", NameMask.Mask("   "));
    }
}
