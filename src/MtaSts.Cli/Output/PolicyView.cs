using System.Globalization;
using System.Text.Json;
using MtaSts.Policies;

namespace MtaSts.Cli.Output;

/// <summary>Shows a parsed policy: its mode, MX patterns and max_age, for people and as JSON.</summary>
internal static class PolicyView
{
    public static void Render(Screen screen, StsPolicy policy)
    {
        screen.Field(Text.Get("Policy.Mode"), $"{ModeName(policy.Mode)} — {Text.Get("Policy.Mode." + policy.Mode)}");
        screen.Field(Text.Get("Policy.Mx"), policy.MxPatterns.Count == 0 ? "—" : string.Join(", ", policy.MxPatterns.Select(p => p.Value)));
        screen.Field(Text.Get("Policy.MaxAge"), Text.Get("Policy.MaxAgeValue", policy.MaxAge.ToString(CultureInfo.CurrentCulture), Durations.Describe(policy.MaxAge)));
    }

    public static string ModeName(PolicyMode mode) => mode.ToString().ToLowerInvariant();
}

/// <summary>The JSON form of a policy, with the RFC 8461 key names.</summary>
internal static class PolicyJson
{
    public static void Write(Utf8JsonWriter writer, StsPolicy policy)
    {
        writer.WriteStartObject();
        writer.WriteString("version", "STSv1");
        writer.WriteString("mode", PolicyView.ModeName(policy.Mode));
        writer.WriteStartArray("mx");
        foreach (var pattern in policy.MxPatterns)
        {
            writer.WriteStringValue(pattern.Value);
        }

        writer.WriteEndArray();
        writer.WriteNumber("max_age", policy.MaxAge);
        writer.WriteEndObject();
    }
}
