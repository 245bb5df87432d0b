using System.Globalization;
using System.Text.Json;
using MtaSts.Storage.Readiness;

namespace MtaSts.Cli.Output;

/// <summary>Prints a readiness verdict with its checks, for people or as JSON.</summary>
internal static class ReadinessView
{
    public static void Render(Screen screen, string location, ReadinessReport readiness)
    {
        var culture = CultureInfo.CurrentUICulture;
        screen.Heading(StoreText.Get("Readiness.Heading", readiness.Domain));
        screen.Field(StoreText.Get("Import.StoreLabel"), location);
        screen.Field(StoreText.Get("Readiness.Window"), StoreText.Get(
            "Readiness.WindowValue",
            readiness.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            readiness.Until.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        screen.Field(StoreText.Get("Readiness.Mode"), readiness.Mode ?? StoreText.Get("Readiness.ModeUnknown"));
        screen.Field(StoreText.Get("Summary.Reports"), readiness.Totals.Reports.ToString("N0", CultureInfo.CurrentCulture));
        screen.Blank();

        foreach (var check in readiness.Checks)
        {
            screen.Status(check.Passed ? Mark.Ok : Mark.Error, check.Describe(culture));
        }

        screen.Blank();
        var mark = readiness.Verdict switch
        {
            ReadinessVerdict.Ready or ReadinessVerdict.EnforceHealthy => Mark.Ok,
            ReadinessVerdict.InsufficientEvidence => Mark.Warning,
            _ => Mark.Error,
        };
        screen.Status(mark, readiness.DescribeVerdict(culture));
    }

    public static void WriteJson(Utf8JsonWriter writer, ReadinessReport readiness)
    {
        var culture = CultureInfo.CurrentUICulture;
        writer.WriteStartObject();
        writer.WriteString("domain", readiness.Domain);
        writer.WriteString("since", UtcTimes.Format(readiness.Since));
        writer.WriteString("until", UtcTimes.Format(readiness.Until));
        if (readiness.Mode is null)
        {
            writer.WriteNull("mode");
        }
        else
        {
            writer.WriteString("mode", readiness.Mode);
        }

        writer.WriteString("verdict", readiness.Verdict.ToString());
        writer.WriteString("message", readiness.DescribeVerdict(culture));
        writer.WriteStartObject("totals");
        writer.WriteNumber("successfulSessions", readiness.Totals.SuccessfulSessions ?? 0);
        writer.WriteNumber("failedSessions", readiness.Totals.FailedSessions);
        writer.WriteNumber("reports", readiness.Totals.Reports);
        writer.WriteEndObject();
        writer.WriteStartArray("checks");
        foreach (var check in readiness.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("code", check.Code);
            writer.WriteBoolean("passed", check.Passed);
            writer.WriteString("message", check.Describe(culture));
            writer.WriteStartObject("values");
            foreach (var value in check.Values)
            {
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, ReadinessValue value)
    {
        switch (value.Value)
        {
            case long number:
                writer.WriteNumber(value.Name, number);
                break;
            case double real:
                writer.WriteNumber(value.Name, Math.Round(real, 6));
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray(value.Name);
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteString(value.Name, Convert.ToString(value.Value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
