using System.IO.Compression;
using System.Text;
using MtaSts.Diagnostics;
using MtaSts.Reports.Decoding;
using Xunit;
using static MtaSts.Tests.Reports.Decoding.DecodingFixtures;

namespace MtaSts.Tests.Reports.Decoding;

public class GzipDecodingTests
{
    [Fact]
    public void Gzip_bomb_stops_at_limit()
    {
        // 200 MiB of zeros compresses to less than 1 MiB.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                gzip.Write(zeros);
            }
        }

        var input = compressed.ToArray();
        Assert.True(input.Length < 1024 * 1024, $"compressed to {input.Length} bytes");
        var options = new ReportDecodingOptions();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = ReportDecoder.Decode(input, options);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.Succeeded);
        Assert.Equal(PayloadFormat.Gzip, result.Format);
        var error = Single(result.Diagnostics, ReportDecodingCodes.DecompressedTooLarge);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(["input", "67108864"], error.Arguments);
        Assert.True(allocated < 2 * options.MaxDecompressedBytes, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Output_at_limit_is_accepted()
    {
        var json = Encoding.UTF8.GetBytes(MinimalReport);
        var options = new ReportDecodingOptions { MaxDecompressedBytes = json.Length };

        var atLimit = ReportDecoder.Decode(Gzip(json), options);
        var overLimit = ReportDecoder.Decode(Gzip(json), new ReportDecodingOptions { MaxDecompressedBytes = json.Length - 1 });

        Assert.True(atLimit.Succeeded);
        Assert.Equal(ReportDecodingCodes.DecompressedTooLarge, Assert.Single(overLimit.Diagnostics).Code);
    }

    [Fact]
    public void Multi_member_gzip_decodes_all_members()
    {
        // Two members whose outputs join into one report.
        var json = Encoding.UTF8.GetBytes(MinimalReport);
        var half = json.Length / 2;
        byte[] input = [.. Gzip(json[..half]), .. Gzip(json[half..])];

        var result = ReportDecoder.Decode(input);

        var payload = Assert.Single(result.Payloads);
        Assert.Equal(json, payload.Json.ToArray());
        Assert.Empty(result.Diagnostics);
        Assert.Empty(payload.Diagnostics);
    }

    [Fact]
    public void Trailing_garbage_is_warning()
    {
        var member = Gzip(MinimalReport);
        byte[] input = [.. member, .. "garbage\n"u8];

        var result = ReportDecoder.Decode(input);

        var payload = Assert.Single(result.Payloads);
        AssertPayloadsAreJson(result);
        var warning = Single(payload.Diagnostics, ReportDecodingCodes.GzipTrailingData);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(["input", "8", member.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)], warning.Arguments);
    }

    [Fact]
    public void Trailing_zero_padding_is_warning()
    {
        byte[] input = [.. Gzip(MinimalReport), 0, 0, 0, 0];

        var result = ReportDecoder.Decode(input);

        Assert.True(result.Succeeded);
        Assert.Equal(ReportDecodingCodes.GzipTrailingData, Assert.Single(result.Payloads[0].Diagnostics).Code);
    }

    [Theory]
    [InlineData(2, "only the magic bytes")]
    [InlineData(9, "header cut short")]
    [InlineData(10, "header without data")]
    [InlineData(30, "deflate data cut short")]
    [InlineData(-8, "trailer missing")]
    [InlineData(-3, "trailer cut short")]
    public void Truncated_gzip_is_error(int length, string reason)
    {
        var whole = Gzip(MinimalReport);
        var input = length > 0 ? whole[..length] : whole[..^-length];

        var result = ReportDecoder.Decode(input);

        Assert.False(result.Succeeded, reason);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.GzipTruncated, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
    }

    [Fact]
    public void Truncated_report_file_is_error()
    {
        var whole = File.ReadAllBytes(FixturePath("reports-gz", "stalwart-rpt01.json.gz"));

        var result = ReportDecoder.Decode(whole[..(whole.Length / 2)]);

        Assert.Equal(ReportDecodingCodes.GzipTruncated, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Wrong_crc_is_checksum_mismatch()
    {
        var input = Gzip(MinimalReport);
        input[^8] ^= 0xFF;

        var result = ReportDecoder.Decode(input);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.GzipChecksumMismatch, error.Code);
        Assert.Equal("0", error.Arguments[1]);
        Assert.NotEqual(error.Arguments[2], error.Arguments[4]);
        Assert.Equal(error.Arguments[3], error.Arguments[5]);
    }

    [Fact]
    public void Corrupt_deflate_data_is_error()
    {
        var input = Gzip(MinimalReport);

        // Block type 3 is reserved in RFC 1951 §3.2.3, so the first block header is invalid.
        input[10] = 0x07;

        var result = ReportDecoder.Decode(input);

        Assert.False(result.Succeeded);
        Assert.Equal(ReportDecodingCodes.GzipCorrupt, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData(2, 7, "CM", "7")]
    [InlineData(3, 0x20, "FLG", "0x20")]
    public void Invalid_header_names_field(int index, byte value, string field, string expectedValue)
    {
        var input = Gzip(MinimalReport);
        input[index] = value;

        var result = ReportDecoder.Decode(input);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.GzipHeaderInvalid, error.Code);
        Assert.Equal(["input", field, expectedValue], error.Arguments);
    }

    [Fact]
    public void Header_name_field_is_skipped()
    {
        // FLG.FNAME set and a zero-terminated name, as gzip(1) writes it.
        var plain = Gzip(MinimalReport);
        byte[] input = [.. plain[..3], 0x08, .. plain[4..10], .. "report.json\0"u8, .. plain[10..]];

        var result = ReportDecoder.Decode(input);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Payloads[0].Diagnostics);
    }

    [Fact]
    public void Gzip_of_text_is_not_json()
    {
        var result = ReportDecoder.Decode(Gzip("hello world"));

        Assert.Equal(PayloadFormat.Gzip, result.Format);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.NotJson, error.Code);
        Assert.Contains("\"hello world\"", error.Arguments[1]);
    }
}
