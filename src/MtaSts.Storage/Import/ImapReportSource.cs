using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace MtaSts.Storage.Import;

/// <summary>
/// Reads TLS report messages from an IMAP folder over implicit TLS, and afterwards moves the
/// messages whose reports were all imported to another folder. Messages that were rejected stay
/// where they are, unchanged.
/// </summary>
public sealed class ImapReportSource : IAsyncDisposable
{
    private readonly ImapClient _client;
    private readonly IMailFolder _folder;
    private readonly List<UniqueId> _imported = [];

    private ImapReportSource(ImapLocation location, ImapClient client, IMailFolder folder)
    {
        Location = location;
        _client = client;
        _folder = folder;
    }

    /// <summary>The folder read.</summary>
    public ImapLocation Location { get; }

    /// <summary>Connects, logs in and opens the folder for reading and writing.</summary>
    /// <param name="location">The server and folder.</param>
    /// <param name="password">The password of <see cref="ImapLocation.User"/>.</param>
    /// <param name="trustedRoots">
    /// Certificate authorities trusted besides the system ones (a private CA, say), or
    /// <see langword="null"/> to trust the system store only.
    /// </param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <exception cref="System.IO.IOException">The connection failed.</exception>
    /// <exception cref="MailKit.Security.AuthenticationException">The server rejected the user or password.</exception>
    /// <exception cref="SslHandshakeException">The server's certificate is not trusted.</exception>
    /// <exception cref="FolderNotFoundException">The folder does not exist.</exception>
    public static async Task<ImapReportSource> ConnectAsync(
        ImapLocation location,
        string password,
        X509Certificate2Collection? trustedRoots = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(password);
        var client = new ImapClient();
        try
        {
            if (trustedRoots is { Count: > 0 })
            {
                client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, trustedRoots);

                // A private CA publishes no revocation list.
                client.CheckCertificateRevocation = false;
            }

            await client.ConnectAsync(location.Host, location.Port, SecureSocketOptions.SslOnConnect, cancellationToken);
            await client.AuthenticateAsync(location.User, password, cancellationToken);
            var folder = await client.GetFolderAsync(location.Folder, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            return new ImapReportSource(location, client, folder);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Reads the reports of every message in the folder, in UID order.</summary>
    /// <param name="reader">Decodes each message and collects its rejections.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public async IAsyncEnumerable<IncomingReport> ReadAsync(ReportInputReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var uids = await _folder.SearchAsync(MailKit.Search.SearchQuery.All, cancellationToken);
        foreach (var uid in uids)
        {
            byte[] bytes;
            using (var message = await _folder.GetStreamAsync(uid, cancellationToken))
            using (var buffer = new MemoryStream())
            {
                await message.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }

            var rejectedBefore = reader.Rejections.Count;
            var reports = reader.ReadMessage($"{Location} UID {uid.Id}", bytes);
            if (reader.Rejections.Count == rejectedBefore && reports.Count > 0)
            {
                _imported.Add(uid);
            }

            foreach (var report in reports)
            {
                yield return report;
            }
        }
    }

    /// <summary>
    /// Moves the messages whose reports were all read to <paramref name="destination"/>. Call it
    /// only after the import committed, so a message leaves the folder only once its reports are stored.
    /// </summary>
    /// <returns>The number of messages moved.</returns>
    /// <exception cref="FolderNotFoundException">The destination folder does not exist.</exception>
    public async Task<int> MoveImportedAsync(string destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        if (_imported.Count == 0)
        {
            return 0;
        }

        var target = await _client.GetFolderAsync(destination, cancellationToken);
        await _folder.MoveToAsync(_imported, target, cancellationToken);
        var moved = _imported.Count;
        _imported.Clear();
        return moved;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or ImapProtocolException or ImapCommandException)
            {
                // The session is over either way; the messages were already handled.
            }
        }

        _client.Dispose();
    }

    // A certificate passes when the system trusts it, or when it chains to one of the given roots and matches the host name.
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
