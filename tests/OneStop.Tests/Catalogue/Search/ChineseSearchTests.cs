using OneStop.Catalogue.Search;
using Xunit;
using static OneStop.Tests.Catalogue.Search.SearchTestData;

namespace OneStop.Tests.Catalogue.Search;

public class ChineseSearchTests
{
    [Fact]
    public void Search_TwoCharacterQuery_FindsNameContainingIt()
    {
        var index = Index(
            Trilingual(1, "Apply for a passport", "申請護照", "申请护照"),
            Trilingual(2, "Identity card", "身份證", "身份证"));

        Assert.Equal([1], index.Search("護照").Ids());
    }

    [Fact]
    public void Search_SimplifiedQuery_FindsTraditionalText()
    {
        var index = Index(Doc(1, "申請護照"), Doc(2, "身份證"));

        Assert.Equal([1], index.Search("护照").Ids());
        Assert.Equal([2], index.Search("身份证").Ids());
    }

    [Fact]
    public void Search_TraditionalQuery_FindsSimplifiedText()
    {
        var index = Index(Doc(1, "申请护照"), Doc(2, "商业登记证"));

        Assert.Equal([1], index.Search("護照").Ids());
        Assert.Equal([2], index.Search("商業登記").Ids());
    }

    [Fact]
    public void Search_HongKongAndMainlandCharacterForms_Match()
    {
        // 稅 (U+7A05) is the Hong Kong form of 税 (U+7A0E).
        var index = Index(Doc(1, "繳交稅款"), Doc(2, "缴交税款"));

        Assert.Equal([1, 2], index.Search("税款").Ids());
        Assert.Equal([1, 2], index.Search("稅款").Ids());
    }

    [Fact]
    public void Search_SingleCharacter_MatchesCharacterAnywhere()
    {
        var index = Index(Doc(1, "繳稅"), Doc(2, "稅表"), Doc(3, "護照"));

        Assert.Equal([1, 2], index.Search("税").Ids());
    }

    [Fact]
    public void Search_CharactersNotAdjacent_DoNotMatchTwoCharacterQuery()
    {
        var index = Index(Doc(1, "保護個人照片"), Doc(2, "護照"));

        Assert.Equal([2], index.Search("護照").Ids());
    }

    [Fact]
    public void Search_LongerQuery_RequiresEveryBigram()
    {
        var index = Index(Doc(1, "申請護照"), Doc(2, "護照申請"), Doc(3, "申請身份證"));

        Assert.Equal([1], index.Search("申請護照").Ids());
        Assert.Equal([2], index.Search("护照申请").Ids());
    }

    [Fact]
    public void Search_TermInSummaryOrBody_IsFound()
    {
        var index = Index(
            Trilingual(1, "Travel documents", "旅行證件", "旅行证件", body: ["", "如需申請護照，請預約。", "如需申请护照，请预约。"]),
            Trilingual(2, "Identity card", "身份證", "身份证"));

        Assert.Equal([1], index.Search("预约").Ids());
    }

    [Fact]
    public void Search_MixedEnglishAndChinese_RequiresBoth()
    {
        var index = Index(
            Trilingual(1, "Business Registration (BR) certificate", "商業登記證", "商业登记证"),
            Trilingual(2, "Business registration", "商業登記", "商业登记"),
            Trilingual(3, "BR renewal", "續期", "续期"));

        Assert.Equal([1], index.Search("BR 商業登記").Ids());
        Assert.Equal([1], index.Search("商业登记 br").Ids());
    }

    [Fact]
    public void Search_FullWidthLatinLetters_MatchAscii()
    {
        var index = Index(Doc(1, "BR renewal"), Doc(2, "Other"));

        Assert.Equal([1], index.Search("ＢＲ").Ids());
    }

    [Fact]
    public void Search_SupplementaryPlaneCharacter_CountsAsOneCharacter()
    {
        // 𨋢 (U+282E2, "lift" in Cantonese) is outside the BMP: two UTF-16 code units.
        var index = Index(Doc(1, "𨋢安全"), Doc(2, "安全檢查"));

        Assert.Equal([1], index.Search("𨋢").Ids());
        Assert.Equal([1], index.Search("𨋢安").Ids());
        Assert.Equal([1, 2], index.Search("安全").Ids());
    }

    [Fact]
    public void Search_ChineseAdjacentToEnglish_SplitsIntoBoth()
    {
        var index = Index(Doc(1, "BR商業登記"), Doc(2, "BR"));

        Assert.Equal([1], index.Search("br 登記").Ids());
    }
}
