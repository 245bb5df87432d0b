using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace MtaSts.Server.Hosting;

/// <summary>
/// The configuration sources that <c>mtasts serve</c> and <c>mtasts domains</c> share, from lowest
/// to highest precedence: <see cref="SystemSettingsPath"/>, <c>appsettings.json</c> and
/// <c>appsettings.{Environment}.json</c> in the working directory, <see cref="StoreVariable"/>,
/// the other environment variables (<c>Server__Store</c>), then the command line.
/// </summary>
public static class ServerConfiguration
{
    /// <summary>The settings file of the deploy layout, read from any working directory.</summary>
    public const string SystemSettingsPath = "/etc/mtasts/appsettings.json";

    /// <summary>The environment variable that names the store, as for <c>mtasts reports</c>; <c>Server__Store</c> overrides it.</summary>
    public const string StoreVariable = "MTASTS_STORE";

    /// <summary>
    /// Builds the configuration of <c>mtasts domains</c> from the same sources as <see cref="MtaStsServer.BuildAsync"/>.
    /// </summary>
    /// <param name="args">Command line settings, such as <c>--Server:Store=/var/lib/mtasts/mtasts.db</c>.</param>
    /// <exception cref="InvalidDataException">A settings file is not valid JSON; the message names the file.</exception>
    public static IConfigurationRoot Build(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var builder = new ConfigurationBuilder();
        AddSystemSettings(builder);
        builder.SetBasePath(Directory.GetCurrentDirectory());
        builder.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        builder.AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false);
        builder.Add(StoreVariableSource());
        builder.AddEnvironmentVariables();
        builder.AddCommandLine(args);
        return builder.Build();
    }

    /// <summary>
    /// Adds <see cref="SystemSettingsPath"/> below the first JSON file and <see cref="StoreVariable"/>
    /// below the unprefixed environment variables of a web application's configuration.
    /// </summary>
    internal static void AddSharedSources(ConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var firstJson = sources.Select((source, index) => (source, index)).FirstOrDefault(s => s.source is JsonConfigurationSource);
        var systemSettings = new ConfigurationBuilder();
        AddSystemSettings(systemSettings);
        foreach (var source in systemSettings.Sources.Reverse())
        {
            sources.Insert(firstJson.source is null ? sources.Count : firstJson.index, source);
        }

        var environment = sources.Select((source, index) => (source, index))
            .FirstOrDefault(s => s.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        sources.Insert(environment.source is null ? sources.Count : environment.index, StoreVariableSource());
    }

    private static void AddSystemSettings(IConfigurationBuilder builder)
    {
        // Only an existing file is added: a missing /etc/mtasts is the normal case outside the deploy layout.
        if (File.Exists(SystemSettingsPath))
        {
            builder.AddJsonFile(SystemSettingsPath, optional: true, reloadOnChange: false);
        }
    }

    private static MemoryConfigurationSource StoreVariableSource()
    {
        var store = Environment.GetEnvironmentVariable(StoreVariable);
        return new MemoryConfigurationSource
        {
            InitialData = string.IsNullOrWhiteSpace(store) ? [] : [new($"{ServerOptions.SectionName}:Store", store)],
        };
    }
}
