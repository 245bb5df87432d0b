using SmtpServer;
using SmtpServer.Protocol;

namespace MtaSts.Server.Smtp;

/// <summary>
/// Replaces the SmtpServer library's HELO and EHLO replies: a plain greeting, and no AUTH
/// extension, because report senders deliver to the mail exchanger without authenticating.
/// </summary>
internal sealed class IntakeSmtpCommands : SmtpCommandFactory
{
    /// <summary>The 220 banner, without the library's name and version.</summary>
    public static string Banner(ISessionContext context) => $"220 {context.ServerOptions.ServerName} ESMTP ready";

    public override SmtpCommand CreateHelo(string domainOrAddress) => new IntakeHelo(domainOrAddress);

    public override SmtpCommand CreateEhlo(string domainOrAddress) => new IntakeEhlo(domainOrAddress);

    private sealed class IntakeHelo(string domainOrAddress) : HeloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context) => $"{context.ServerOptions.ServerName} Hello {DomainOrAddress}";
    }

    private sealed class IntakeEhlo(string domainOrAddress) : EhloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context) => $"{context.ServerOptions.ServerName} Hello {DomainOrAddress}";

        protected override IEnumerable<string> GetExtensions(ISessionContext context) =>
            base.GetExtensions(context).Where(e => !e.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }
}
