using MtaSts.Server.Hosting;

namespace MtaSts.Server.Smtp;

/// <summary>Registers the SMTP intake when it is enabled.</summary>
internal static class SmtpServiceCollectionExtensions
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
}
