using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using MtaSts.Diagnostics;

namespace MtaSts.Reports.Decoding;

/// <summary>
/// Decompresses every member of a gzip stream (RFC 1952) within a size limit and checks the
/// framing that <see cref="GZipStream"/> does not: a truncated stream, a CRC-32 or length
/// mismatch, and bytes after the last member.
/// </summary>
internal static class GzipDecoder
{
    private const string Rfc = "RFC 1952 §2.3";
    private const int HeaderLength = 10;
    private const int TrailerLength = 8;
    private const int InputChunkSize = 8 * 1024;
    private const int OutputChunkSize = 64 * 1024;

    // RFC 1952 §2.3.1: the FLG bits.
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte FlagReserved = 0xE0;

    public static bool StartsWithMagic(ReadOnlySpan<byte> input) => input.Length >= 2 && input[0] == 0x1F && input[1] == 0x8B;

    /// <summary>
    /// Decompresses <paramref name="input"/>, or returns <see langword="null"/> after adding an
    /// error to <paramref name="diagnostics"/>. Warnings about data that was ignored are added too.
    /// </summary>
    public static byte[]? Decompress(ReadOnlyMemory<byte> input, string label, ReportDecodingOptions options, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(OutputChunkSize);
        try
        {
            return Decompress(input, label, options, diagnostics, scratch, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static byte[]? Decompress(ReadOnlyMemory<byte> input, string label, ReportDecodingOptions options, List<Diagnostic> diagnostics, byte[] scratch, CancellationToken cancellationToken)
    {
        var output = new BoundedBuffer(options.MaxDecompressedBytes);
        var memberStart = 0;
        var memberCount = 0;

        while (memberCount == 0 || memberStart < input.Length)
        {
            var rest = input.Span[memberStart..];

            // RFC 1952 §2.2: members follow each other; anything else after the first is not gzip data.
            if (memberCount > 0 && !StartsWithMagic(rest))
            {
                diagnostics.Add(Warning(ReportDecodingCodes.GzipTrailingData, label, Number(rest.Length), Number(memberStart)));
                break;
            }

            var dataStart = ReadHeader(rest, label, memberStart, diagnostics);
            if (dataStart < 0)
            {
                return null;
            }

            var member = InflateMember(input[(memberStart + dataStart)..], output, scratch, cancellationToken, out var failure);
            if (failure is not null)
            {
                diagnostics.Add(failure switch
                {
                    InflateFailure.TooLarge => Error(ReportDecodingCodes.DecompressedTooLarge, label, Number(options.MaxDecompressedBytes)),
                    _ => Error(ReportDecodingCodes.GzipCorrupt, label, Number(memberStart)),
                });
                return null;
            }

            var trailerStart = FindTrailer(input[(memberStart + dataStart)..].Span, member);
            if (trailerStart < 0)
            {
                diagnostics.Add(DescribeMissingTrailer(input[(memberStart + dataStart)..], member, label, memberStart));
                return null;
            }

            memberStart += dataStart + trailerStart + TrailerLength;
            memberCount++;
        }

        return output.ToArray();
    }

    /// <summary>Returns the length of the member header at the start of <paramref name="member"/>, or -1 after adding an error.</summary>
    private static int ReadHeader(ReadOnlySpan<byte> member, string label, int memberStart, List<Diagnostic> diagnostics)
    {
        if (member.Length < HeaderLength)
        {
            diagnostics.Add(Error(ReportDecodingCodes.GzipTruncated, label, Number(memberStart + member.Length)));
            return -1;
        }

        // RFC 1952 §2.3.1: CM = 8 is deflate, the only method defined.
        if (member[2] != 8)
        {
            diagnostics.Add(Error(ReportDecodingCodes.GzipHeaderInvalid, label, "CM", Number(member[2])));
            return -1;
        }

        // RFC 1952 §2.3.1.2: a decompressor must reject a member with a reserved FLG bit set.
        var flags = member[3];
        if ((flags & FlagReserved) != 0)
        {
            diagnostics.Add(Error(ReportDecodingCodes.GzipHeaderInvalid, label, "FLG", "0x" + flags.ToString("X2", CultureInfo.InvariantCulture)));
            return -1;
        }

        var position = HeaderLength;
        if ((flags & FlagExtra) != 0)
        {
            position = member.Length >= position + 2
                ? position + 2 + BinaryPrimitives.ReadUInt16LittleEndian(member[position..])
                : int.MaxValue;
        }

        if ((flags & FlagName) != 0)
        {
            position = SkipZeroTerminated(member, position);
        }

        if ((flags & FlagComment) != 0)
        {
            position = SkipZeroTerminated(member, position);
        }

        if ((flags & FlagHeaderCrc) != 0 && position != int.MaxValue)
        {
            position += 2;
        }

        if (position > member.Length)
        {
            diagnostics.Add(Error(ReportDecodingCodes.GzipTruncated, label, Number(memberStart + member.Length)));
            return -1;
        }

        return position;
    }

    private static int SkipZeroTerminated(ReadOnlySpan<byte> member, int position)
    {
        if (position >= member.Length)
        {
            return int.MaxValue;
        }

        var end = member[position..].IndexOf((byte)0);
        return end < 0 ? int.MaxValue : position + end + 1;
    }

    private static MemberInfo InflateMember(ReadOnlyMemory<byte> data, BoundedBuffer output, byte[] scratch, CancellationToken cancellationToken, out InflateFailure? failure)
    {
        var source = new ChunkedReadStream(data, InputChunkSize);
        var crc = new Crc32();
        long length = 0;
        failure = null;

        try
        {
            using var deflate = new DeflateStream(source, CompressionMode.Decompress);
            int count;
            while ((count = deflate.Read(scratch)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = scratch.AsSpan(0, count);
                if (!output.TryAppend(chunk))
                {
                    failure = InflateFailure.TooLarge;
                    break;
                }

                crc.Append(chunk);
                length += count;
            }
        }
        catch (InvalidDataException)
        {
            failure = InflateFailure.Corrupt;
        }

        return new MemberInfo(crc.Value, length, source.SecondToLastReadStart, (int)source.Position, source.ReadPastEnd);
    }

    /// <summary>
    /// Returns the offset of the trailer (CRC-32 and length, RFC 1952 §2.3.1) that matches the
    /// member's output, searched in the last input chunks the inflater read, or -1.
    /// </summary>
    private static int FindTrailer(ReadOnlySpan<byte> data, MemberInfo member)
    {
        if (member.ReadPastEnd)
        {
            return -1;
        }

        Span<byte> expected = stackalloc byte[TrailerLength];
        WriteTrailer(expected, member);

        var last = Math.Min(member.InputRead, data.Length - TrailerLength);
        for (var position = member.SearchStart; position <= last; position++)
        {
            if (data.Slice(position, TrailerLength).SequenceEqual(expected))
            {
                return position;
            }
        }

        return -1;
    }

    /// <summary>
    /// Explains why no trailer matched. Inflating again one input byte at a time finds exactly
    /// where the deflate data ends; it is slow, so it runs only on this error path.
    /// </summary>
    private static Diagnostic DescribeMissingTrailer(ReadOnlyMemory<byte> data, MemberInfo member, string label, int memberStart)
    {
        if (member.ReadPastEnd)
        {
            return Error(ReportDecodingCodes.GzipTruncated, label, Number(memberStart + data.Length));
        }

        var end = FindDeflateEnd(data);
        if (end < 0 || data.Length - end < TrailerLength)
        {
            return Error(ReportDecodingCodes.GzipTruncated, label, Number(memberStart + data.Length));
        }

        var trailer = data.Span.Slice(end, TrailerLength);
        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var storedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        return Error(
            ReportDecodingCodes.GzipChecksumMismatch,
            label,
            Number(memberStart),
            Hex(storedCrc),
            Number(storedLength),
            Hex(member.Crc),
            Number((uint)member.Length));
    }

    /// <summary>Returns the offset just past the deflate data, or -1 when the data ends before the deflate stream does.</summary>
    private static int FindDeflateEnd(ReadOnlyMemory<byte> data)
    {
        var source = new ChunkedReadStream(data, 1);
        try
        {
            // A plain read loop, because DeflateStream.CopyTo can read its source past the deflate data.
            using var deflate = new DeflateStream(source, CompressionMode.Decompress);
            var buffer = new byte[OutputChunkSize];
            while (deflate.Read(buffer) > 0)
            {
            }
        }
        catch (InvalidDataException)
        {
            return -1;
        }

        return source.ReadPastEnd ? -1 : (int)source.Position;
    }

    private static void WriteTrailer(Span<byte> trailer, MemberInfo member)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, member.Crc);

        // RFC 1952 §2.3.1: ISIZE is the input size modulo 2^32.
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)member.Length);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hex(uint value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    private static Diagnostic Error(string code, params string[] arguments) => new(code, Severity.Error, Rfc, arguments[0], Arguments: arguments);

    private static Diagnostic Warning(string code, params string[] arguments) => new(code, Severity.Warning, Rfc, arguments[0], Arguments: arguments);

    private enum InflateFailure
    {
        TooLarge,
        Corrupt,
    }

    /// <param name="Crc">CRC-32 of the member's output.</param>
    /// <param name="Length">Length of the member's output in bytes.</param>
    /// <param name="SearchStart">Where the second-to-last input read started; the trailer is at or after it.</param>
    /// <param name="InputRead">How many input bytes the inflater read.</param>
    /// <param name="ReadPastEnd">Whether the inflater asked for more input than there was.</param>
    private readonly record struct MemberInfo(uint Crc, long Length, int SearchStart, int InputRead, bool ReadPastEnd);
}
