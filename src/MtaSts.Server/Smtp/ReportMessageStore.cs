using System.Buffers;
using MtaSts.Server.Intake;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MtaSts.Server.Smtp;

/// <summary>
/// Stores the reports of each message after DATA (RFC 8460 §5.3). The reply is 250 only when
/// every report of the message was stored or was already stored.
/// </summary>
internal sealed class ReportMessageStore(ReportIntakeService intake, ILogger logger) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var source = new ReportSource("smtp", SmtpIntakeService.DescribePeer(context, transaction.From));
        IntakeResult result;
        try
        {
            result = await intake.AcceptAsync(buffer.ToArray(), source, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store failed, so nothing is acknowledged: a temporary failure makes the sender retry later.
            Logging.Log.SmtpStoreFailed(logger, source.Peer, e);
            return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 The report could not be stored; try again later.");
        }

        if (result.Rejection is not { } rejection)
        {
            return SmtpResponse.Ok;
        }

        // RFC 3463 enhanced status codes: 5.7.1 delivery not authorized, 5.3.4 message too big, 5.6.0 other media error.
        return rejection.Kind switch
        {
            IntakeRejectionKind.UnmanagedDomain => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.7.1 " + ToAscii(rejection.Detail)),
            IntakeRejectionKind.TooLarge => new SmtpResponse(SmtpReplyCode.SizeLimitExceeded, "5.3.4 " + ToAscii(rejection.Detail)),
            _ => new SmtpResponse(SmtpReplyCode.TransactionFailed, $"5.6.0 {rejection.Reason}: {ToAscii(rejection.Detail)}"),
        };
    }

    /// <summary>Rewrites a message for an SMTP reply, which is ASCII only (RFC 5321 §4.2): "§" becomes "section", any other non-ASCII character "?".</summary>
    internal static string ToAscii(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Replace("§", "section ", StringComparison.Ordinal))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }
}
