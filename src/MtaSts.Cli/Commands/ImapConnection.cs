using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MtaSts.Cli.Output;
using MtaSts.Storage.Import;

namespace MtaSts.Cli.Commands;

/// <summary>Opens and moves IMAP messages for <c>reports import</c>, turning server errors into one message that names the mailbox.</summary>
internal static class ImapConnection
{
    public static async Task<ImapReportSource> ConnectAsync(ImapLocation mailbox, string password, X509Certificate2Collection? trustedRoots, CancellationToken cancellationToken)
    {
        try
        {
            return await ImapReportSource.ConnectAsync(mailbox, password, trustedRoots, cancellationToken);
        }
        catch (SslHandshakeException e)
        {
            throw new CommandException(StoreText.Get("Error.ImapCertificate", mailbox, FirstLine(e.Message)));
        }
        catch (AuthenticationException)
        {
            throw new CommandException(StoreText.Get("Error.ImapLogin", mailbox, ReportsImportCommand.PasswordVariable));
        }
        catch (FolderNotFoundException)
        {
            throw new CommandException(StoreText.Get("Error.ImapFolder", mailbox.Folder, mailbox));
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ImapProtocolException or ImapCommandException)
        {
            throw new CommandException(StoreText.Get("Error.ImapFailed", mailbox, e.Message));
        }
    }

    public static async Task<int> MoveAsync(ImapReportSource source, string folder, CancellationToken cancellationToken)
    {
        try
        {
            return await source.MoveImportedAsync(folder, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            throw new CommandException(StoreText.Get("Error.ImapFolder", folder, source.Location), ExitCodes.Failed);
        }
        catch (Exception e) when (e is IOException or ImapProtocolException or ImapCommandException)
        {
            throw new CommandException(StoreText.Get("Error.ImapFailed", source.Location, e.Message), ExitCodes.Failed);
        }
    }

    // MailKit's handshake message is a paragraph of advice; its first line names the fault.
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
