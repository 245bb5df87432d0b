using System.Globalization;
using System.Text;

namespace MtaSts.Discovery;

/// <summary>
/// Reads SMTP replies from a stream: lines <c>250-…</c> continue a reply and <c>250 …</c> ends it
/// (RFC 5321 §4.2.1). Reads byte by byte so no data after the reply is consumed, which matters
/// before the TLS handshake that follows STARTTLS.
/// </summary>
internal sealed class SmtpReplyReader
{
    // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets; servers exceed it, so allow more.
    private const int MaxLineLength = 4096;
    private const int MaxLines = 200;

    private readonly Stream _stream;
    private readonly byte[] _one = new byte[1];

    public SmtpReplyReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Reads one complete reply.</summary>
    /// <exception cref="SmtpProtocolException">The server closed the connection or sent a malformed line.</exception>
    public async Task<SmtpReply> ReadAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (lines.Count < MaxLines)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 200)
            {
                throw new SmtpProtocolException($"Malformed SMTP reply line: \"{Truncate(line)}\".");
            }

            var separator = line.Length > 3 ? line[3] : ' ';
            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            if (separator == ' ')
            {
                return new SmtpReply(code, lines);
            }

            if (separator != '-')
            {
                throw new SmtpProtocolException($"Malformed SMTP reply line: \"{Truncate(line)}\".");
            }
        }

        throw new SmtpProtocolException($"SMTP reply has more than {MaxLines} lines.");
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        while (builder.Length <= MaxLineLength)
        {
            var read = await _stream.ReadAsync(_one, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SmtpProtocolException("The server closed the connection.");
            }

            var c = (char)_one[0];
            if (c == '\n')
            {
                // NOTE(interop): some servers end lines with a bare LF; accept it like CRLF.
                return builder.ToString().TrimEnd('\r');
            }

            builder.Append(c);
        }

        throw new SmtpProtocolException($"SMTP reply line is longer than {MaxLineLength} characters.");
    }

    private static string Truncate(string line) => line.Length > 80 ? line[..80] + "…" : line;
}

/// <summary>The SMTP server broke the protocol or closed the connection.</summary>
public sealed class SmtpProtocolException : IOException
{
    /// <summary>Creates the exception with a message.</summary>
    public SmtpProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public SmtpProtocolException()
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SmtpProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
