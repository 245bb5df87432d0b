using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using MtaSts.Diagnostics;
using MtaSts.Policies;
using MtaSts.Records;
using Xunit;

namespace MtaSts.Tests.Records;

public class DiagnosticMessagesTests
{
    private static readonly CultureInfo s_english = CultureInfo.InvariantCulture;
    private static readonly CultureInfo s_spanish = CultureInfo.GetCultureInfo("es");

    private static IEnumerable<string> AllCodes() =>
        new[] { typeof(RecordDiagnosticCodes), typeof(PolicyDiagnosticCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_code_has_english_and_spanish_message()
    {
        var codes = AllCodes().ToArray();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, code =>
        {
            Assert.Matches("^(STS-RECORD|TLSRPT-RECORD|STS-POLICY|STS-MX)-[A-Z0-9-]+$", code);
            var english = DiagnosticText.Lookup(code, s_english);
            var spanish = DiagnosticText.Lookup(code, s_spanish);
            Assert.False(string.IsNullOrWhiteSpace(english), $"{code}: no English message");
            Assert.False(string.IsNullOrWhiteSpace(spanish), $"{code}: no Spanish message");
            Assert.NotEqual(english, spanish);
            Assert.Equal(Placeholders(english!), Placeholders(spanish!));
        });
    }

    [Fact]
    public void Emitted_codes_are_all_defined()
    {
        var defined = AllCodes().ToHashSet();
        var emitted = new List<Diagnostic>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "records")))
        {
            var text = File.ReadAllText(file);
            StsRecord.TryParse(text, out _, out var sts);
            TlsRptRecord.TryParse(text, out _, out var tlsRpt);
            emitted.AddRange(sts);
            emitted.AddRange(tlsRpt);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "policies")))
        {
            StsPolicy.TryParse(File.ReadAllBytes(file), out _, out var diagnostics);
            emitted.AddRange(diagnostics);
        }

        Assert.All(emitted, d => Assert.Contains(d.Code, defined));
        Assert.All(emitted, d => Assert.DoesNotContain("{", d.Describe(s_spanish), StringComparison.Ordinal));
    }

    private static string[] Placeholders(string template) =>
        Regex.Matches(template, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
}
