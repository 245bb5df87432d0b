using System.Globalization;
using System.Resources;
using System.Text;
using MtaSts.Diagnostics;
using MtaSts.Reports.Decoding;
using Xunit;
using static MtaSts.Tests.Reports.Decoding.DecodingFixtures;

namespace MtaSts.Tests.Reports.Decoding;

public class InputDecodingTests
{
    [Theory]
    [InlineData("", "no bytes")]
    [InlineData(" \r\n\t", "only white space")]
    public void Empty_input_is_error(string text, string reason)
    {
        var result = ReportDecoder.Decode(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Format);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.Empty, error.Code);
        Assert.False(result.Succeeded, reason);
    }

    [Theory]
    [InlineData("just some text\n", "plain text")]
    [InlineData("PK\u0003\u0004zipped", "a zip archive")]
    [InlineData("<html><body>404</body></html>", "an HTML error page")]
    public void Unknown_format_shows_first_bytes(string text, string reason)
    {
        var result = ReportDecoder.Decode(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Format);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.UnknownFormat, error.Code);
        Assert.Equal("input", error.Arguments[0]);
        Assert.StartsWith(Convert.ToHexString(Encoding.UTF8.GetBytes(text[..2])).Insert(2, " "), error.Arguments[1]);
        Assert.False(result.Succeeded, reason);
    }

    [Fact]
    public void Random_bytes_are_unknown_format()
    {
        var random = new Random(8460);
        var input = new byte[4096];
        random.NextBytes(input);
        input[0] = 0x00;

        var result = ReportDecoder.Decode(input);

        Assert.Equal(ReportDecodingCodes.UnknownFormat, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Json_with_bom_is_stripped()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. "\r\n  "u8, .. Encoding.UTF8.GetBytes(MinimalReport)];

        var result = ReportDecoder.Decode(input);

        Assert.Equal(PayloadFormat.Json, result.Format);
        var payload = Assert.Single(result.Payloads);
        Assert.Equal(MinimalReport, Encoding.UTF8.GetString(payload.Json.Span));
        Assert.Equal(ReportDecodingCodes.JsonByteOrderMark, Assert.Single(payload.Diagnostics).Code);
    }

    [Fact]
    public void Invalid_json_object_is_passed_on()
    {
        // Validating the object is the report parser's work, so a broken object is still a payload.
        var result = ReportDecoder.Decode("{\"organization-name\": "u8.ToArray());

        Assert.Equal(PayloadFormat.Json, result.Format);
        Assert.Single(result.Payloads);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Json_array_splits_into_payloads()
    {
        var input = Encoding.UTF8.GetBytes($"[{MinimalReport}, 42, {MinimalReport}]");

        var result = ReportDecoder.Decode(input);

        Assert.Equal(["input, element 1", "input, element 3"], result.Payloads.Select(p => p.Label));
        AssertPayloadsAreJson(result);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.JsonArrayElementNotObject, warning.Code);
        Assert.Equal(["input, element 2", "number"], warning.Arguments);
    }

    [Theory]
    [InlineData("[]", ReportDecodingCodes.JsonArrayEmpty, "no elements")]
    [InlineData("[\"a\"]", ReportDecodingCodes.JsonArrayEmpty, "no objects")]
    [InlineData("[{\"a\":1}", ReportDecodingCodes.JsonArrayInvalid, "missing closing bracket")]
    [InlineData("[{\"a\":1}] x", ReportDecodingCodes.JsonArrayInvalid, "text after the array")]
    public void Bad_json_array_is_error(string text, string code, string reason)
    {
        var result = ReportDecoder.Decode(Encoding.UTF8.GetBytes(text));

        Assert.False(result.Succeeded, reason);
        Assert.Equal(code, result.Diagnostics[^1].Code);
        Assert.Equal(Severity.Error, result.Diagnostics[^1].Severity);
    }

    [Fact]
    public void Oversized_input_is_error()
    {
        var input = Encoding.UTF8.GetBytes(MinimalReport);

        var result = ReportDecoder.Decode(input, new ReportDecodingOptions { MaxInputBytes = input.Length - 1 });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDecodingCodes.InputTooLarge, error.Code);
        Assert.Equal(["input", (input.Length - 1).ToString(CultureInfo.InvariantCulture)], error.Arguments);
    }

    [Fact]
    public async Task Stream_read_stops_after_limit()
    {
        using var stream = new CountingStream(100_000);
        var options = new ReportDecodingOptions { MaxInputBytes = 1000 };

        var result = await ReportDecoder.DecodeAsync(stream, options);

        Assert.Equal(ReportDecodingCodes.InputTooLarge, Assert.Single(result.Diagnostics).Code);
        Assert.True(stream.BytesRead <= options.MaxInputBytes + 1, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task Stream_within_limit_decodes()
    {
        using var stream = new MemoryStream(Gzip(MinimalReport));

        var result = await ReportDecoder.DecodeAsync(stream);

        Assert.Equal(PayloadFormat.Gzip, result.Format);
        Assert.Equal(MinimalReport, Encoding.UTF8.GetString(Assert.Single(result.Payloads).Json.Span));
    }

    [Fact]
    public async Task Canceled_stream_read_throws()
    {
        using var stream = new MemoryStream(Gzip(MinimalReport));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportDecoder.DecodeAsync(stream, cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Oversized_file_is_not_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mtasts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, MinimalReport);
        try
        {
            var result = await ReportDecoder.DecodeFileAsync(path, new ReportDecodingOptions { MaxInputBytes = 10 });

            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(ReportDecodingCodes.InputTooLarge, error.Code);
            Assert.Equal(Path.GetFileName(path), error.Arguments[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("report.json.gz", false, "JSON", ".json")]
    [InlineData("report.json", true, "gzip", ".json.gz")]
    public async Task File_name_mismatch_is_warning(string fileName, bool gzip, string content, string extension)
    {
        var directory = Directory.CreateTempSubdirectory("mtasts-");
        var path = Path.Combine(directory.FullName, fileName);
        await File.WriteAllBytesAsync(path, gzip ? Gzip(MinimalReport) : Encoding.UTF8.GetBytes(MinimalReport));
        try
        {
            var result = await ReportDecoder.DecodeFileAsync(path);

            var payload = Assert.Single(result.Payloads);
            var warning = Assert.Single(payload.Diagnostics);
            Assert.Equal(ReportDecodingCodes.FileNameMismatch, warning.Code);
            Assert.Equal([fileName, fileName, content, extension], warning.Arguments);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Options_reject_zero_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportDecodingOptions { MaxInputBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportDecodingOptions { MaxDecompressedBytes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportDecodingOptions { MaxMimeParts = 0 });
    }

    [Fact]
    public async Task Missing_file_throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mtasts-missing-{Guid.NewGuid():N}.json");

        await Assert.ThrowsAsync<FileNotFoundException>(() => ReportDecoder.DecodeFileAsync(path));
    }

    [Fact]
    public void Every_code_has_english_and_spanish_message()
    {
        var catalog = new ResourceManager("MtaSts.Resources.ReportDecodingMessages", typeof(ReportDecoder).Assembly);
        var codes = typeof(ReportDecodingCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        var spanish = catalog.GetResourceSet(CultureInfo.GetCultureInfo("es"), createIfNotExists: true, tryParents: false);

        Assert.Equal(26, codes.Count);
        foreach (var code in codes)
        {
            var english = catalog.GetString(code, CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrEmpty(english), code);
            Assert.NotNull(spanish);
            var translated = spanish.GetString(code);
            Assert.False(string.IsNullOrEmpty(translated), code);
            Assert.NotEqual(english, translated);

            // Both templates must format with the same arguments.
            var arguments = Enumerable.Range(0, 6).Select(i => (object)$"<{i}>").ToArray();
            Assert.Equal(Placeholders(english), Placeholders(translated));
            _ = string.Format(CultureInfo.InvariantCulture, english, arguments);
            _ = string.Format(CultureInfo.InvariantCulture, translated, arguments);
        }
    }

    [Fact]
    public void Message_renders_in_spanish()
    {
        var result = ReportDecoder.Decode(Array.Empty<byte>());

        var message = result.Diagnostics[0].Describe(CultureInfo.GetCultureInfo("es-ES"));

        Assert.Equal("input está vacío: no contiene ningún byte, o solo espacios en blanco. Compruebe que el archivo se guardó o se descargó por completo.", message);
    }

    private static string Placeholders(string template)
    {
        return string.Join(",", System.Text.RegularExpressions.Regex.Matches(template, @"(?<!\{)\{(\d)\}").Select(m => m.Groups[1].Value).Distinct().Order());
    }

    /// <summary>A stream of '{' bytes that counts how many were read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)'{');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
