using System.Globalization;
using System.Reflection;
using MtaSts.Diagnostics;
using MtaSts.Reports;
using Xunit;

namespace MtaSts.Tests.Reports;

public class ReportTextTests
{
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo s_spanish = CultureInfo.GetCultureInfo("es");

    public static TheoryData<string> Codes()
    {
        var codes = new TheoryData<string>();
        foreach (var field in typeof(ReportDiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            codes.Add((string)field.GetRawConstantValue()!);
        }

        return codes;
    }

    public static TheoryData<string> KnownResultTypes() => new(ResultTypes.All);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_has_english_and_spanish_message(string code)
    {
        var english = DiagnosticText.Lookup(code, s_english);
        var spanish = DiagnosticText.Lookup(code, s_spanish);

        Assert.StartsWith("TLSRPT-REPORT-", code, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(english), code);
        Assert.False(string.IsNullOrWhiteSpace(spanish), code);
        Assert.NotEqual(english, spanish);

        var diagnostic = new Diagnostic(code, Severity.Info, "RFC 8460 §4.4", Arguments: ["a", "b", "c"]);
        Assert.DoesNotContain("{", diagnostic.Describe(s_english), StringComparison.Ordinal);
        Assert.DoesNotContain("{", diagnostic.Describe(s_spanish), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_types_cover_rfc_list()
    {
        Assert.Equal(11, ResultTypes.All.Count);
        Assert.All(ResultTypes.All, type => Assert.True(ResultTypes.IsKnown(type)));
        Assert.False(ResultTypes.IsKnown("Certificate-Expired"));
        Assert.False(ResultTypes.IsKnown(""));
    }

    [Theory]
    [MemberData(nameof(KnownResultTypes))]
    public void Result_type_explained_in_both_languages(string resultType)
    {
        var english = ResultTypeExplanations.Get(resultType, s_english);
        var spanish = ResultTypeExplanations.Get(resultType, s_spanish);

        Assert.True(english.IsKnown);
        Assert.Equal(resultType, english.ResultType);
        Assert.False(string.IsNullOrWhiteSpace(english.Summary));
        Assert.False(string.IsNullOrWhiteSpace(english.Advice));
        Assert.False(string.IsNullOrWhiteSpace(spanish.Summary));
        Assert.False(string.IsNullOrWhiteSpace(spanish.Advice));
        Assert.NotEqual(english.Summary, spanish.Summary);
        Assert.NotEqual(english.Advice, spanish.Advice);
    }

    [Fact]
    public void Unknown_result_type_gets_fallback()
    {
        var english = ResultTypeExplanations.Get("tls-version-too-old", s_english);
        var spanish = ResultTypeExplanations.Get("tls-version-too-old", s_spanish);

        Assert.False(english.IsKnown);
        Assert.Contains("\"tls-version-too-old\"", english.Summary, StringComparison.Ordinal);
        Assert.Contains("\"tls-version-too-old\"", spanish.Summary, StringComparison.Ordinal);
        Assert.NotEqual(english.Advice, spanish.Advice);
    }

    [Fact]
    public void Other_culture_falls_back_to_english()
    {
        var german = ResultTypeExplanations.Get(ResultTypes.CertificateExpired, CultureInfo.GetCultureInfo("de"));
        var english = ResultTypeExplanations.Get(ResultTypes.CertificateExpired, s_english);

        Assert.Equal(english.Summary, german.Summary);
    }
}
