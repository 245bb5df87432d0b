using SmtpServer;
using SmtpServer.Authentication;

namespace MtaSts.Server.Smtp;

/// <summary>
/// Rejects every AUTH attempt. Without an authenticator of its own, SmtpServer 11.1 accepts any
/// user name and password after STARTTLS.
/// </summary>
internal sealed class RejectingAuthenticator : IUserAuthenticator
{
    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
