using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;
using MtaSts.Server.Api;
using MtaSts.Server.Domains;
using MtaSts.Server.Health;
using MtaSts.Server.Intake;
using MtaSts.Server.Logging;
using MtaSts.Server.Metrics;
using MtaSts.Server.Policies;
using MtaSts.Server.Smtp;
using MtaSts.Server.Tls;
using MtaSts.Storage;

namespace MtaSts.Server.Hosting;

/// <summary>Builds the <c>mtasts serve</c> web application: policy hosting, report intake, API, health and metrics.</summary>
public static class MtaStsServer
{
    /// <summary>Where the server listens when neither <c>--urls</c> nor a certificate is given: plain HTTP on loopback only.</summary>
    public const string DefaultHttpUrl = "http://127.0.0.1:8080";

    /// <summary>Where the server listens when certificates are configured but no <c>--urls</c> is given.</summary>
    public const string DefaultHttpsUrl = "https://*:443";

    /// <summary>
    /// Builds the server from <paramref name="args"/> and the configuration sources of
    /// <see cref="ServerConfiguration"/> (the .NET conventions plus <c>/etc/mtasts/appsettings.json</c> and <c>MTASTS_STORE</c>).
    /// </summary>
    /// <param name="args">Command line arguments, such as <c>--urls http://127.0.0.1:8080 --Server:Store /var/lib/mtasts/mtasts.db</c>.</param>
    /// <param name="catalog">The domain catalog; <see langword="null"/> opens the SQLite store of <c>Server:Store</c>.</param>
    /// <param name="intake">The report intake; <see langword="null"/> opens the SQLite store of <c>Server:Store</c>.</param>
    /// <param name="cancellationToken">Cancels opening the store.</param>
    /// <exception cref="InvalidOperationException">A setting is invalid or a port is in use; the message names each key to fix.</exception>
    public static async Task<WebApplication> BuildAsync(string[] args, IDomainCatalog? catalog = null, IReportIntake? intake = null, CancellationToken cancellationToken = default)
    {
        // The server binds the --urls addresses itself (ListenUrls). Kestrel reads urls, http_ports and
        // https_ports when the builder is created and, given any, warns at every start that ListenUrls
        // overrides them. So --urls is taken out of the arguments, and empty values on the command line,
        // the last source, hide the others; ReadConfiguredUrls still finds Urls from appsettings.json or ASPNETCORE_URLS.
        var (urlsArgument, otherArgs) = TakeUrlsArgument(args);
        var builder = WebApplication.CreateBuilder([.. otherArgs, "--urls=", "--http_ports=", "--https_ports="]);
        ServerConfiguration.AddSharedSources(builder.Configuration);

        // Defaults below every other source: ASP.NET Core's per-request logs stay off unless configured.
        // Kestrel logs a failed bind as Critical with a stack trace. EnsurePortsFree reports a port in
        // use in one line before that, so a bind fails there only when another program takes the port in between.
        // NOTE: in that case the generic host still logs "Hosting failed to start" with a stack trace.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level < LogLevel.Critical);

        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Default", "Information"), new("Logging:LogLevel:Microsoft.AspNetCore", "Warning")],
        });

        // 1. Read the Server section and open the store that contains domains and reports.
        var section = builder.Configuration.GetSection(ServerOptions.SectionName);
        builder.Services.Configure<ServerOptions>(section);
        var options = section.Get<ServerOptions>() ?? new ServerOptions();
        var problems = ServerOptionsValidation.Validate(options);
        if (problems.Count > 0)
        {
            throw new ServerSettingException(problems);
        }

        EnsureSmtpPortFree(options.Smtp);
        catalog ??= await DomainCatalogs.OpenAsync(options.Store, TimeProvider.System, cancellationToken);
        StoreReportIntake? storeIntake = null;
        if (intake is null)
        {
            // Registered through a factory so that the container disposes it, and the store with it, at shutdown.
            storeIntake = new StoreReportIntake(await ReportStore.OpenAsync(options.Store, cancellationToken));
            builder.Services.AddSingleton<IReportIntake>(_ => storeIntake);
            intake = storeIntake;
        }
        else
        {
            builder.Services.AddSingleton(intake);
        }

        // 2. Register the services of each feature.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<PolicyCache>();
        builder.Services.AddSingleton<PolicyCacheRefresher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PolicyCacheRefresher>());
        builder.Services.AddSingleton<CertificateStore>();
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<LogThrottle>();
        builder.Services.AddSingleton<PrometheusExporter>();
        builder.Services.AddSingleton<ReportIntakeService>();
        builder.Services.AddSingleton<DnsInstructions>();
        builder.Services.AddSingleton<ApiContext>();
        builder.Services.AddSingleton(_ => new DnsRecordCheck(DnsRecordCheck.CreateResolver(options.Dns.Servers, TimeSpan.FromSeconds(options.Dns.TimeoutSeconds))));
        builder.Services.AddSmtpIntake(options.Smtp);
        builder.Services.AddImapPolling(options.Imap);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiDocument>());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));

        // 3. Listen on the --urls addresses, choosing each HTTPS certificate by SNI, with TLS 1.2 and 1.3 only.
        var urls = (urlsArgument ?? ReadConfiguredUrls(builder.Configuration) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            urls = [options.Tls.Certificates.Count > 0 ? DefaultHttpsUrl : DefaultHttpUrl];
        }


        ListenUrls.EnsurePortsFree(urls);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;

            // The intake endpoint enforces its own limit with a 413 problem; Kestrel's default of 30 MB must not cut in first.
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.Intake.MaxBodyBytes + 1, 30_000_000);
            var certificates = kestrel.ApplicationServices.GetRequiredService<CertificateStore>();
            certificates.LoadAll();
            ListenUrls.Configure(kestrel, urls, certificates);
        });

        WebApplication app;
        try
        {
            app = builder.Build();
        }
        catch when (storeIntake is not null)
        {
            // The container never took the store over, so it is closed here.
            await storeIntake.DisposeAsync();
            throw;
        }

        // The exporter listens from the start, so no measurement before the first scrape is lost.
        app.Services.GetRequiredService<PrometheusExporter>();

        // 4. Count requests, and turn unhandled errors into problem details.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestCounting();
        app.UseMisdirectedRequestCheck();

        // 5. Map one endpoint group per feature.
        app.MapPolicyEndpoints();
        app.MapReportIntakeEndpoints(options.Intake.Path);
        app.MapDomainApiEndpoints();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoints();
        app.MapOpenApi("/api/openapi.json");

        // 6. Log where the server listens and where its data is, once it has started.
        LogLifecycle(app, catalog, intake);
        return app;
    }

    /// <summary>Returns the addresses the started server listens on, with the ports actually bound.</summary>
    public static IReadOnlyList<string> GetAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return addresses is null ? [] : [.. addresses.Addresses];
    }

    // The SMTP listener binds inside a hosted service, where a port in use would end start-up with
    // two logged stack traces, so the port is tried here first.
    private static void EnsureSmtpPortFree(SmtpOptions smtp)
    {
        if (!smtp.Enabled || smtp.Port == 0 || !System.Net.IPAddress.TryParse(smtp.Address, out var address))
        {
            return;
        }

        ListenUrls.ProbePort(address, smtp.Port, error => SettingProblem.Create(
            "SmtpPortInUse",
            "Server:Smtp:Port {0} on {1} cannot be used ({2}): stop the program that listens there or choose another port.",
            smtp.Port,
            smtp.Address,
            error));
    }

    private static string? ReadConfiguredUrls(IConfigurationRoot configuration)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (provider is not Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider
                && provider.TryGet(WebHostDefaults.ServerUrlsKey, out var urls))
            {
                return urls;
            }
        }

        return null;
    }

    private static (string? Urls, string[] OtherArgs) TakeUrlsArgument(string[] args)
    {
        string? urls = null;
        var others = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if ((string.Equals(args[i], "--urls", StringComparison.OrdinalIgnoreCase) || string.Equals(args[i], "/urls", StringComparison.OrdinalIgnoreCase)) && i + 1 < args.Length)
            {
                urls = args[++i];
            }
            else if (args[i].StartsWith("--urls=", StringComparison.OrdinalIgnoreCase))
            {
                urls = args[i]["--urls=".Length..];
            }
            else
            {
                others.Add(args[i]);
            }
        }

        return (urls, [.. others]);
    }

    private static void LogLifecycle(WebApplication app, IDomainCatalog catalog, IReportIntake intake)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MtaSts.Server");
        var lifetime = app.Lifetime;
        lifetime.ApplicationStarted.Register(() =>
        {
            var store = catalog.Location == intake.Location ? catalog.Location : $"{catalog.Location} and {intake.Location}";
            Log.Started(logger, string.Join(", ", GetAddresses(app)), store);
        });
        lifetime.ApplicationStopping.Register(() => Log.Stopping(logger));
        lifetime.ApplicationStopped.Register(() => Log.Stopped(logger));
    }
}
