namespace MtaSts.Discovery;

/// <summary>One SMTP reply (RFC 5321 §4.2): a code and its lines of text, joined from a multi-line reply.</summary>
/// <param name="Code">The three-digit reply code.</param>
/// <param name="Lines">The text of each line after the code and separator.</param>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>Whether the code is 2xx.</summary>
    public bool IsPositive => Code is >= 200 and < 300;

    /// <summary>Whether any line names the keyword, as in an EHLO reply (RFC 5321 §4.1.1.1).</summary>
    public bool HasKeyword(string keyword) =>
        Lines.Any(line => line.Split(' ', 2)[0].Equals(keyword, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override string ToString() => $"{Code} {string.Join(" / ", Lines)}";
}
