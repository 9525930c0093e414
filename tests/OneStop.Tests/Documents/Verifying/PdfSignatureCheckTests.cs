using System.Text;
using OneStop.Documents.Verifying;

namespace OneStop.Tests.Documents.Verifying;

/// <summary>Finding a PDF's signature in its bytes: only a signature covering the whole file but its own hex is one to check.</summary>
public sealed class PdfSignatureCheckTests
{
    // SEQUENCE { INTEGER 5 }: stands in for the CMS, which Locate only measures.
    private static readonly byte[] Der = [0x30, 0x03, 0x02, 0x01, 0x05];

    [Fact]
    public void Locate_WholeFileSigned_FindsTheGapAndTheCmsWithoutItsPadding()
    {
        var pdf = Crafted(out var gapStart, out var gapEnd);

        var located = PdfSignatureCheck.Locate(pdf);

        Assert.Null(located.Verdict);
        Assert.Equal((gapStart, gapEnd), (located.Signature!.GapStart, located.Signature.GapEnd));
        Assert.Equal(Der, located.Signature.Cms);
        Assert.Equal([.. pdf[..gapStart], .. pdf[gapEnd..]], located.Signature.SignedContent(pdf));
    }

    [Fact]
    public void Locate_NoPdfHeader_NotPdf()
    {
        var located = PdfSignatureCheck.Locate("GIF89a /ByteRange [0 1 2 3]"u8);

        Assert.Equal(SignatureVerdict.NotPdf, located.Verdict);
    }

    [Fact]
    public void Locate_PdfWithoutByteRange_NoSignature()
    {
        var located = PdfSignatureCheck.Locate("%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\n%%EOF\n"u8);

        Assert.Equal(SignatureVerdict.NoSignature, located.Verdict);
    }

    [Fact]
    public void Locate_BytesAppendedAfterSigning_Changed()
    {
        byte[] pdf = [.. Crafted(out _, out _), .. "\n2 0 obj\n<</Title(x)>>\nendobj\n%%EOF\n"u8];

        Assert.Equal(SignatureVerdict.ChangedAfterSigning, PdfSignatureCheck.Locate(pdf).Verdict);
    }

    [Theory]
    [InlineData("[1 {b} {c} {d}]")] // not from the start
    [InlineData("[0 {b} {c} 1]")] // not to the end
    [InlineData("[0 {b} {c}]")] // three numbers
    [InlineData("[0 {b} x{c} {d}]")] // not a number
    [InlineData("[0 {b1} {c} {d}]")] // the gap is not the hex string
    [InlineData("(0 {b} {c} {d})")] // not an array
    public void Locate_ByteRangeNotTheWholeFileButTheSignature_Changed(string range)
    {
        var pdf = Crafted(out var gapStart, out var gapEnd);
        var total = pdf.Length;
        var text = range.Replace("{b1}", (gapStart + 1).ToString()).Replace("{b}", gapStart.ToString())
            .Replace("{c}", gapEnd.ToString()).Replace("{d}", (total - gapEnd).ToString());

        Assert.Equal(SignatureVerdict.ChangedAfterSigning, PdfSignatureCheck.Locate(WithRange(pdf, text)).Verdict);
    }

    [Fact]
    public void Locate_NonHexInTheContents_Changed()
    {
        var pdf = Crafted(out var gapStart, out _);
        pdf[gapStart + 3] = (byte)'G';

        Assert.Equal(SignatureVerdict.ChangedAfterSigning, PdfSignatureCheck.Locate(pdf).Verdict);
    }

    [Fact]
    public void Locate_ContentsNotACmsValue_Changed()
    {
        var pdf = Crafted(out var gapStart, out _, cms: [0x30, 0x7F, 0x01]);

        Assert.Equal(SignatureVerdict.ChangedAfterSigning, PdfSignatureCheck.Locate(pdf).Verdict);
    }

    [Fact]
    public void Locate_TwoSignatures_TheLastIsChecked()
    {
        // An earlier signature over part of the file, then a later one over all of it.
        var pdf = Crafted(out var gapStart, out var gapEnd, prefix: "1 0 obj\n<</Type/Sig/ByteRange[0 10 20 30]/Contents<00>>>\nendobj\n");

        var located = PdfSignatureCheck.Locate(pdf);

        Assert.Null(located.Verdict);
        Assert.Equal(gapStart, located.Signature!.GapStart);
    }

    /// <summary>A minimal PDF with one signature dictionary whose ByteRange covers everything but its Contents hex.</summary>
    private static byte[] Crafted(out int gapStart, out int gapEnd, byte[]? cms = null, string prefix = "")
    {
        var hex = Convert.ToHexString(cms ?? Der).PadRight(64, '0');
        var head = $"%PDF-1.7\n{prefix}5 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached/Contents ";
        const string placeholder = "[0 0000000000 0000000000 0000000000]";
        var tail = $"/ByteRange{placeholder}/M(D:20260310120000+08'00')>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n";
        gapStart = Encoding.ASCII.GetByteCount(head);
        gapEnd = gapStart + hex.Length + 2;
        var total = gapEnd + Encoding.ASCII.GetByteCount(tail);
        var range = $"[0 {gapStart} {gapEnd} {total - gapEnd}]".PadRight(placeholder.Length);
        return Encoding.ASCII.GetBytes(head + "<" + hex + ">" + tail.Replace(placeholder, range));
    }

    /// <summary>The same file with its (last) ByteRange array replaced, padded to keep every offset.</summary>
    private static byte[] WithRange(byte[] pdf, string range)
    {
        var text = Encoding.ASCII.GetString(pdf);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal) + "/ByteRange".Length;
        var end = text.IndexOf('/', at);
        return Encoding.ASCII.GetBytes(text[..at] + range.PadRight(end - at) + text[end..]);
    }
}
