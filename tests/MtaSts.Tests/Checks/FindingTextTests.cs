using System.Globalization;
using System.Reflection;
using MtaSts.Checks;
using Xunit;

namespace MtaSts.Tests.Checks;

public sealed class FindingTextTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCodeHasEnglishAndSpanishMessage(string code)
    {
        var english = FindingText.Lookup(code, CultureInfo.InvariantCulture);
        var spanish = FindingText.Lookup(code, new CultureInfo("es"));

        Assert.False(string.IsNullOrWhiteSpace(english), $"{code} has no English message");
        Assert.False(string.IsNullOrWhiteSpace(spanish), $"{code} has no Spanish message");
        Assert.NotEqual(english, spanish);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void SpanishAdviceExistsWhenEnglishDoes(string code)
    {
        var english = FindingText.Lookup(code + ".Advice", CultureInfo.InvariantCulture);
        var spanish = FindingText.Lookup(code + ".Advice", new CultureInfo("es"));

        Assert.Equal(english is null, spanish is null);
        Assert.NotEqual(english ?? "-", spanish ?? "+");
    }

    [Fact]
    public void FillReplacesNamedValues()
    {
        var values = new Dictionary<string, string> { ["mx"] = "mx1.example.com", ["port"] = "25" };

        var text = FindingText.Fill("{mx} port {port}, {missing}", values);

        Assert.Equal("mx1.example.com port 25, {missing}", text);
    }

    [Fact]
    public void VerdictReasonUsesCauseMessage()
    {
        var cause = new Finding(FindingCodes.FetchStatus, FindingSeverity.Error, FindingSection.Policy, "https://mta-sts.example.com/.well-known/mta-sts.txt")
        {
            Values = new Dictionary<string, string> { ["status"] = "404" },
        };
        var verdict = new Finding(FindingCodes.VerdictPolicyIgnored, FindingSeverity.Error, FindingSection.Policy, "example.com")
        {
            Values = new Dictionary<string, string> { ["domain"] = "example.com" },
            Cause = cause,
        };

        var english = verdict.GetMessage(CultureInfo.InvariantCulture);
        var spanish = verdict.GetMessage(new CultureInfo("es"));

        Assert.Equal("example.com: policy ignored by senders: the policy URL answered HTTP 404; senders accept only 200.", english);
        Assert.Contains("HTTP 404", spanish, StringComparison.Ordinal);
        Assert.StartsWith("example.com: los remitentes ignoran la política: la URL", spanish, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "", "")]
    [InlineData("1", " (and 1 more error)", " (y 1 error más)")]
    [InlineData("3", " (and 3 more errors)", " (y 3 errores más)")]
    public void VerdictCountsOtherErrors(string moreErrors, string englishSuffix, string spanishSuffix)
    {
        var cause = new Finding(FindingCodes.StartTlsMissing, FindingSeverity.Error, FindingSection.Smtp, "mx1.example.com [192.0.2.1]")
        {
            Values = new Dictionary<string, string> { ["mx"] = "mx1.example.com", ["address"] = "192.0.2.1", ["extensions"] = "8BITMIME" },
        };
        var verdict = new Finding(FindingCodes.VerdictDeliveryFails, FindingSeverity.Error, FindingSection.Policy, "example.com")
        {
            Values = new Dictionary<string, string> { ["domain"] = "example.com", ["more_errors"] = moreErrors },
            Cause = cause,
        };

        var english = verdict.GetMessage(CultureInfo.InvariantCulture);
        var spanish = verdict.GetMessage(new CultureInfo("es"));

        Assert.Equal($"example.com: not ready for enforce: mx1.example.com at 192.0.2.1 does not offer STARTTLS (extensions: 8BITMIME){englishSuffix}.", english);
        Assert.EndsWith($"(extensiones: 8BITMIME){spanishSuffix}.", spanish, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "NxDomain", "NXDOMAIN", "NXDOMAIN")]
    [InlineData("status", "Timeout", "timeout", "tiempo de espera agotado")]
    [InlineData("step", "Banner", "greeting", "saludo")]
    [InlineData("socket_error", "ConnectionRefused", "connection refused", "conexión rechazada")]
    [InlineData("chain_status", "PartialChain", "the chain is incomplete (an intermediate certificate is missing or the issuer is unknown)", "la cadena está incompleta (falta un certificado intermedio o el emisor es desconocido)")]
    public void TokenValuesAreShownAsWords(string name, string token, string english, string spanish)
    {
        Assert.Equal(english, FindingText.Lookup($"Value.{name}.{token}", CultureInfo.InvariantCulture));
        Assert.Equal(spanish, FindingText.Lookup($"Value.{name}.{token}", new CultureInfo("es")));
    }

    [Fact]
    public void SpanishProseSaysPolitica()
    {
        var offenders = new List<string>();
        var catalog = new System.Resources.ResourceManager("MtaSts.Resources.CheckMessages", typeof(FindingText).Assembly);
        var set = catalog.GetResourceSet(new CultureInfo("es"), createIfNotExists: true, tryParents: false)!;
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            var text = (string)entry.Value!;
            if (System.Text.RegularExpressions.Regex.IsMatch(text, @"\b[Pp]olicy\b(?! id)") || text.Contains("fichero", StringComparison.Ordinal))
            {
                offenders.Add($"{entry.Key}: {text}");
            }
        }

        Assert.Empty(offenders);
    }
}
