using MimeKit;

namespace MtaSts.Storage.Import;

/// <summary>
/// Splits mailbox formats into messages: mbox files (messages separated by <c>From </c>
/// lines) and Maildir folders (one message per file in <c>cur/</c> and <c>new/</c>).
/// </summary>
public static class MailboxReader
{
    /// <summary>Returns whether <paramref name="start"/>, the first bytes of a file, open an mbox file.</summary>
    /// <remarks>Every message of an mbox file starts with a line that begins with <c>From </c>.</remarks>
    public static bool LooksLikeMbox(ReadOnlySpan<byte> start) => start.StartsWith("From "u8);

    /// <summary>Returns whether <paramref name="folder"/> is a Maildir: it contains <c>cur</c> and <c>new</c> folders.</summary>
    public static bool IsMaildir(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Directory.Exists(Path.Combine(folder, "cur")) && Directory.Exists(Path.Combine(folder, "new"));
    }

    /// <summary>
    /// Lists the message files of the Maildir <paramref name="folder"/>: those in <c>cur/</c> and
    /// <c>new/</c>, in name order. Files in <c>tmp/</c> are still being delivered and are left out.
    /// </summary>
    public static IReadOnlyList<string> ListMaildirMessages(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string[] subfolders = ["cur", "new"];
        return subfolders
            .SelectMany(name => Directory.EnumerateFiles(Path.Combine(folder, name)))
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads the messages of an mbox stream one at a time, each as the bytes of one message without its <c>From </c> line.</summary>
    /// <param name="mbox">The mbox content; it is not disposed.</param>
    /// <param name="cancellationToken">Cancels parsing.</param>
    /// <exception cref="FormatException">The stream is not an mbox file.</exception>
    /// <remarks>
    /// Each message is re-serialised by MimeKit, which keeps its header fields and body bytes.
    /// NOTE: a single message is held in memory whole, whatever its size; the report decoder
    /// then rejects it when it is larger than its input limit.
    /// </remarks>
    public static async IAsyncEnumerable<byte[]> ReadMboxAsync(
        Stream mbox,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mbox);
        var parser = new MimeParser(mbox, MimeFormat.Mbox, persistent: false);
        while (!parser.IsEndOfStream)
        {
            using var message = await parser.ParseMessageAsync(cancellationToken);
            using var bytes = new MemoryStream();
            await message.WriteToAsync(bytes, cancellationToken);
            yield return bytes.ToArray();
        }
    }
}
