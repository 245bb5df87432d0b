using System.Globalization;
using MtaSts.Diagnostics;

namespace MtaSts.Reports.Decoding;

/// <summary>
/// Checks base64 content (RFC 2045 §6.8) before MimeKit decodes it, because MimeKit's decoder
/// silently skips invalid characters and drops an incomplete final group.
/// </summary>
internal static class Base64Check
{
    private const string Rfc = "RFC 2045 §6.8";

    /// <summary>Returns a warning for the first problem in <paramref name="encoded"/>, or <see langword="null"/> when it is well-formed.</summary>
    public static Diagnostic? Check(ReadOnlySpan<byte> encoded, string label)
    {
        var characterCount = 0;
        var paddingCount = 0;

        for (var offset = 0; offset < encoded.Length; offset++)
        {
            var b = encoded[offset];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            if (b == (byte)'=')
            {
                paddingCount++;
                characterCount++;
                continue;
            }

            // RFC 2045 §6.8: '=' pads only the final group, so nothing may follow it.
            if (!IsAlphabet(b) || paddingCount > 0)
            {
                var character = b is >= 0x21 and < 0x7F ? ((char)b).ToString() : "0x" + b.ToString("X2", CultureInfo.InvariantCulture);
                return new Diagnostic(ReportDecodingCodes.Base64InvalidCharacter, Severity.Warning, Rfc, label, Arguments: [label, character, Number(offset)]);
            }

            characterCount++;
        }

        if (characterCount % 4 != 0 || paddingCount > 2)
        {
            return new Diagnostic(ReportDecodingCodes.Base64InvalidLength, Severity.Warning, Rfc, label, Arguments: [label, Number(characterCount)]);
        }

        return null;
    }

    private static bool IsAlphabet(byte b) => b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'/';

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
