using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaSts.Policies;

namespace MtaSts.Tests.Policies;

/// <summary>A valid policy file as a publisher might write it: any field order, LF or CRLF, optional final newline.</summary>
public sealed record PolicySource(string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text.ReplaceLineEndings("⏎");
}

/// <summary>Generators of valid policies for the round-trip properties.</summary>
public static class PolicyGenerators
{
    private static readonly Gen<string> s_label =
        Gen.Elements("mail", "mx", "mx1", "a", "backup-mx", "xn--bcher-kva", "smtp", "in1", "z9");

    private static readonly Gen<string> s_mx =
        from labels in Gen.ListOf(s_label).Where(l => l.Count is >= 1 and <= 3)
        from suffix in Gen.Elements("example.com", "example.net", "example.org")
        from wildcard in Gen.Elements(false, false, true)
        select (wildcard ? "*." : "") + string.Join(".", labels.Append(suffix));

    private static readonly Gen<string> s_extensionName =
        from name in Gen.Elements("x", "note", "ext-1", "a.b", "foo_bar", "Z9")
        select name;

    private static readonly Gen<string> s_extensionValue =
        Gen.Elements("1", "a b", "ext e  ns ion", "#not-a-comment", "café", "x:y", "a=b;c");

    /// <summary>Builds the source text of a valid policy line by line.</summary>
    public static Arbitrary<PolicySource> Policies()
    {
        var gen =
            from mode in Gen.Elements("enforce", "testing", "none")
            from mxList in Gen.ListOf(s_mx).Where(l => mode == "none" || l.Count > 0)
            from maxAge in Gen.Choose(0, int.MaxValue).Select(n => (long)n % 40000000)
            from extensionNames in Gen.ListOf(s_extensionName)
            from extensionValues in Gen.ListOf(s_extensionValue, extensionNames.Count)
            let lines = new[] { "version: STSv1", "mode: " + mode, "max_age: " + maxAge }
                .Concat(mxList.Select(m => "mx:" + " " + m))
                .Concat(extensionNames.Distinct().Zip(extensionValues, (n, v) => n + ": " + v))
                .ToArray()
            from order in Gen.Shuffle(lines)
            from endings in Gen.ListOf(Gen.Elements("\n", "\r\n"), order.Length)
            from finalNewline in Gen.Elements(true, false)
            select new PolicySource(Join(order, endings, finalNewline));
        return Arb.From(gen);
    }

    private static string Join(string[] lines, IReadOnlyList<string> endings, bool finalNewline)
    {
        var text = string.Concat(lines.Select((line, i) => line + endings[i]));
        return finalNewline ? text : text.TrimEnd('\r', '\n');
    }
}

[Properties(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 300)]
public class StsPolicyRoundTripProperties
{
    [Property]
    public bool Generated_policy_is_valid(PolicySource source)
    {
        return StsPolicy.TryParse(source.Text, out _, out _);
    }

    [Property]
    public bool Parse_write_parse_is_identity(PolicySource source)
    {
        var first = StsPolicy.Parse(source.Text);

        var written = first.Write();
        var second = StsPolicy.Parse(written);

        return first.Mode == second.Mode
            && first.MaxAge == second.MaxAge
            && first.MxPatterns.SequenceEqual(second.MxPatterns)
            && first.Extensions.SequenceEqual(second.Extensions)
            && written == second.Write();
    }

    [Property]
    public bool Written_policy_has_crlf_lines_and_canonical_order(PolicySource source)
    {
        var lines = StsPolicy.Parse(source.Text).Write().Split("\r\n");

        return lines[0] == "version: STSv1"
            && lines[1].StartsWith("mode: ", StringComparison.Ordinal)
            && lines[^1].Length == 0
            && !lines.Any(l => l.Contains('\n', StringComparison.Ordinal));
    }

    [Property]
    public bool Create_write_parse_is_identity(PolicySource source)
    {
        var parsed = StsPolicy.Parse(source.Text);
        var created = StsPolicy.Create(parsed.Mode, parsed.MxPatterns, parsed.MaxAge);

        var reparsed = StsPolicy.Parse(created.Write());

        return reparsed.Mode == created.Mode
            && reparsed.MaxAge == created.MaxAge
            && reparsed.MxPatterns.SequenceEqual(created.MxPatterns);
    }
}
