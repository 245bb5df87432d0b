using System.Buffers;
using MimeKit;
using MtaSts.Server.Intake;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MtaSts.Server.Smtp;

/// <summary>
/// Stores the report parts of each message after DATA (RFC 8460 §5.3). The reply is 250 only
/// when every report part was stored or was already stored.
/// </summary>
internal sealed class ReportMessageStore(ReportIntakeService intake) : MessageStore
{
    private const string GzipMediaType = "application/tlsrpt+gzip";

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var source = new ReportSource("smtp", SmtpIntakeService.DescribePeer(context, transaction.From));
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException)
        {
            return Reply(intake.Reject(ReportRejection.NotAReportMessage, source).Rejection!.Value);
        }

        // RFC 8460 §5.3 puts the report in a multipart/report; any part with a TLS report media type is accepted.
        // NOTE(interop): Stalwart's sample report mail labels its part "application/tlsrpt" without +json or +gzip.
        var parts = message.BodyParts.OfType<MimePart>()
            .Where(p => p.ContentType.IsMimeType("application", "tlsrpt+gzip")
                || p.ContentType.IsMimeType("application", "tlsrpt+json")
                || p.ContentType.IsMimeType("application", "tlsrpt"))
            .ToList();
        if (parts.Count == 0)
        {
            return Reply(intake.Reject(ReportRejection.NotAReportMessage, source).Rejection!.Value);
        }

        foreach (var part in parts)
        {
            using var content = new MemoryStream();
            if (part.Content is null)
            {
                return Reply(intake.Reject(ReportRejection.NotAReportMessage, source).Rejection!.Value);
            }

            await part.Content.DecodeToAsync(content, cancellationToken);
            var bytes = content.ToArray();
            var gzip = part.ContentType.MimeType.Equals(GzipMediaType, StringComparison.OrdinalIgnoreCase)
                || (bytes.Length > 1 && bytes[0] == 0x1f && bytes[1] == 0x8b);
            var result = await intake.AcceptAsync(bytes, gzip, source, cancellationToken);
            if (result.Rejection is { } rejection)
            {
                return Reply(rejection);
            }
        }

        return SmtpResponse.Ok;
    }

    private static SmtpResponse Reply(ReportRejection rejection)
    {
        // RFC 3463 enhanced status codes: 5.7.1 delivery not authorized, 5.3.4 message too big, 5.6.0 other media error.
        return rejection switch
        {
            ReportRejection.UnmanagedDomain => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.7.1 " + rejection.Describe()),
            ReportRejection.TooLarge => new SmtpResponse(SmtpReplyCode.SizeLimitExceeded, "5.3.4 " + rejection.Describe()),
            _ => new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.6.0 " + rejection.Describe()),
        };
    }
}
