using System.Text.Json;
using System.Text.RegularExpressions;
using MtaSts.Cli.Output;
using MtaSts.Server.Hosting;

namespace MtaSts.Cli.Commands;

/// <summary>
/// Turns the exceptions of .NET configuration loading and binding into one line that names the
/// file or setting and the fix, for <c>mtasts serve</c> and <c>mtasts domains</c>.
/// </summary>
internal static partial class ServeConfigurationErrors
{
    /// <summary>Returns whether <paramref name="exception"/> comes from reading a settings file or binding a setting.</summary>
    public static bool IsConfigurationError(Exception exception) =>
        exception is InvalidDataException || (exception is InvalidOperationException && BindingFailure().IsMatch(exception.Message));

    /// <summary>Returns the message for a configuration error, or the exception message for any other exception.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is InvalidDataException)
        {
            return DescribeBadFile(exception);
        }

        var binding = BindingFailure().Match(exception.Message);
        if (binding.Success)
        {
            var value = binding.Groups["value"].Value;
            var key = binding.Groups["key"].Value;
            return ServerText.Get("Config.Error.BadValue", value, key, ValidValues(binding.Groups["type"].Value));
        }

        return exception.Message;
    }

    // FileConfigurationProvider wraps the JSON error as "Failed to load configuration from file '<path>'.", in .NET 10.
    private static string DescribeBadFile(Exception exception)
    {
        var file = QuotedValue().Match(exception.Message) is { Success: true } match ? match.Groups[1].Value : "appsettings.json";
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line })
            {
                // JsonException counts lines from 0.
                return ServerText.Get("Config.Error.BadJson", file, line + 1);
            }
        }

        return ServerText.Get("Config.Error.BadJsonFile", file);
    }

    private static string ValidValues(string typeName)
    {
        if (typeName == typeof(UnmanagedDomainAction).FullName)
        {
            return ServerText.Get("Config.Values.OneOf", string.Join(", ", Enum.GetNames<UnmanagedDomainAction>()));
        }

        return typeName switch
        {
            "System.Int32" or "System.Int64" => ServerText.Get("Config.Values.WholeNumber"),
            "System.Double" => ServerText.Get("Config.Values.Number"),
            "System.Boolean" => ServerText.Get("Config.Values.Boolean"),
            _ => typeName,
        };
    }

    // ConfigurationBinder's message in .NET 10: Failed to convert configuration value 'x' at 'Server:Smtp:Port' to type 'System.Int32'.
    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex BindingFailure();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedValue();
}
