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

        Assert.Equal("example.com: policy ignored by senders because the policy URL answered HTTP 404; senders accept only 200.", english);
        Assert.Contains("HTTP 404", spanish, StringComparison.Ordinal);
        Assert.StartsWith("example.com: los remitentes ignoran la policy porque", spanish, StringComparison.Ordinal);
    }
}
