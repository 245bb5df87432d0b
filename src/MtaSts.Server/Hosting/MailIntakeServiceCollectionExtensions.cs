using MtaSts.Server.Smtp;

namespace MtaSts.Server.Hosting;

/// <summary>Registers the mail intake services that are enabled.</summary>
internal static class MailIntakeServiceCollectionExtensions
{
    public static IServiceCollection AddSmtpIntake(this IServiceCollection services, SmtpOptions options)
    {
        if (options.Enabled)
        {
            services.AddSingleton<SmtpIntakeService>();
            services.AddHostedService(provider => provider.GetRequiredService<SmtpIntakeService>());
        }

        return services;
    }

    /// <summary>Registers the IMAP polling when it is enabled.</summary>
    public static IServiceCollection AddImapPolling(this IServiceCollection services, ImapOptions options)
    {
        if (options.Enabled)
        {
            services.AddSingleton<Imap.ImapPollingService>();
            services.AddHostedService(provider => provider.GetRequiredService<Imap.ImapPollingService>());
        }

        return services;
    }
}
