namespace MtaSts.Storage.Import;

/// <summary>A mailbox folder named by an <c>imaps://user@host:port/Folder</c> URL, over implicit TLS only.</summary>
/// <param name="User">The login name.</param>
/// <param name="Host">The server host name or IP address.</param>
/// <param name="Port">The TCP port; 993 when the URL gives none.</param>
/// <param name="Folder">The folder to read; <c>INBOX</c> when the URL gives none.</param>
public sealed record ImapLocation(string User, string Host, int Port, string Folder)
{
    private const int ImapsPort = 993;

    /// <summary>Returns whether <paramref name="value"/> is meant as a mailbox URL rather than a path.</summary>
    public static bool IsImapUrl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith("imaps://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("imap://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses an <c>imaps://user@host[:port][/Folder]</c> URL.</summary>
    /// <exception cref="FormatException">
    /// The value is not such a URL, uses <c>imap://</c> (no TLS), has no user or contains a password.
    /// </exception>
    public static ImapLocation Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{value}' is not a valid mailbox URL. Write it as imaps://user@host:993/INBOX.");
        }

        if (!string.Equals(uri.Scheme, "imaps", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{value}' does not use TLS. Write it with imaps://, as the password must not cross the network in clear text.");
        }

        var userInfo = uri.UserInfo;
        if (userInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"'{value}' contains a password. Remove it from the URL and give it in the environment or at the prompt.");
        }

        if (userInfo.Length == 0)
        {
            throw new FormatException($"'{value}' names no user. Write it as imaps://user@host:993/INBOX.");
        }

        var folder = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        return new ImapLocation(
            Uri.UnescapeDataString(userInfo),
            uri.Host,
            uri.IsDefaultPort || uri.Port < 0 ? ImapsPort : uri.Port,
            folder.Length == 0 ? "INBOX" : folder);
    }

    /// <summary>The URL as shown to people; it never contains a password.</summary>
    public override string ToString() => $"imaps://{Uri.EscapeDataString(User)}@{Host}:{Port}/{Folder}";
}
