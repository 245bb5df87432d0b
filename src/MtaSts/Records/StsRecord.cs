using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MtaSts.Diagnostics;

namespace MtaSts.Records;

/// <summary>
/// The <c>_mta-sts</c> TXT record of a policy domain, such as <c>v=STSv1; id=20160831085700Z;</c>.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8461#section-3.1">RFC 8461 §3.1</seealso>
public sealed class StsRecord
{
    internal const string Rfc = "RFC 8461 §3.1";
    internal const string VersionField = "v=STSv1";
    private const int MaxIdLength = 32;

    private StsRecord(string id, IReadOnlyList<KeyValuePair<string, string>> extensions, IReadOnlyList<Diagnostic> diagnostics)
    {
        Id = id;
        Extensions = extensions;
        Diagnostics = diagnostics;
    }

    /// <summary>The policy id: 1 to 32 letters and digits that change whenever the policy changes.</summary>
    public string Id { get; }

    /// <summary>The extension fields in record order, which senders ignore.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extensions { get; }

    /// <summary>The warnings and notes about this record, which has no errors because it is usable.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses one record whose character-strings are already joined without spaces.</summary>
    /// <exception cref="MtaStsFormatException">The record is not valid, so senders would ignore it.</exception>
    public static StsRecord Parse(string text)
    {
        return TryParse(text, out var record, out var diagnostics) ? record : throw new MtaStsFormatException(diagnostics);
    }

    /// <summary>Parses one record whose character-strings are already joined without spaces.</summary>
    /// <returns><see langword="false"/> when any diagnostic is an error.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out StsRecord? record, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Diagnostic>();
        var parser = new TxtRecordParser(VersionField, "STS-RECORD", Rfc, found);
        var fields = parser.Tokenize(text);

        string? id = null;
        var extensions = new List<KeyValuePair<string, string>>();
        foreach (var field in fields)
        {
            if (field.Name != "id")
            {
                if (parser.CheckExtension(field))
                {
                    extensions.Add(new(field.Name, field.Value));
                }

                continue;
            }

            if (id is not null)
            {
                parser.Add("ID-DUPLICATE", Severity.Error, "id", id, field.Value);
                continue;
            }

            id = field.Value;
            CheckId(id, found);
        }

        if (id is null)
        {
            parser.Add("ID-MISSING", Severity.Error, "id");
        }

        diagnostics = OrderBySeverity(found);
        record = id is null || found.Any(d => d.Severity == Severity.Error) ? null : new StsRecord(id, extensions, diagnostics);
        return record is not null;
    }

    /// <summary>
    /// Selects the policy record among all TXT records at <c>_mta-sts</c>, each with its
    /// character-strings already joined without spaces.
    /// </summary>
    /// <remarks>
    /// RFC 8461 §3.1 discards records that do not begin with <c>v=STSv1;</c>. This method keeps a
    /// record when <c>v=STSv1</c> is followed by <c>;</c>, a space, a tab or the end, so that
    /// <c>v=STSv1 ;</c> (allowed by the grammar) and <c>v=STSv1 id=1</c> (a missing <c>;</c>) are
    /// reported instead of discarded, while <c>v=STSv10</c> is discarded.
    /// </remarks>
    public static StsRecordSelection Select(IEnumerable<string> txtRecords)
    {
        ArgumentNullException.ThrowIfNull(txtRecords);
        var diagnostics = new List<Diagnostic>();
        var candidates = new List<string>();
        var total = 0;
        foreach (var text in txtRecords)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(txtRecords));
            total++;
            if (StartsWithVersion(text))
            {
                candidates.Add(text);
                continue;
            }

            // A record that mentions STS was probably meant as the policy record, so it gets more than a note.
            var severity = text.Contains("STSv", StringComparison.OrdinalIgnoreCase) ? Severity.Warning : Severity.Info;
            diagnostics.Add(new(RecordDiagnosticCodes.StsDiscarded, severity, Rfc, Arguments: [text]));
        }

        // RFC 8461 §3.1: if the number of remaining records is not one, there is no policy.
        if (candidates.Count == 0)
        {
            diagnostics.Add(new(RecordDiagnosticCodes.StsNotFound, Severity.Info, Rfc, Arguments: [total.ToString(CultureInfo.InvariantCulture)]));
            return new StsRecordSelection(null, diagnostics);
        }

        if (candidates.Count > 1)
        {
            var count = candidates.Count.ToString(CultureInfo.InvariantCulture);
            diagnostics.Add(new(RecordDiagnosticCodes.StsMultiple, Severity.Error, Rfc, Arguments: [count, string.Join(" | ", candidates)]));
            return new StsRecordSelection(null, diagnostics);
        }

        TryParse(candidates[0], out var record, out var recordDiagnostics);
        diagnostics.AddRange(recordDiagnostics);
        return new StsRecordSelection(record, OrderBySeverity(diagnostics));
    }

    /// <summary>Creates a record with the given policy id.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not 1 to 32 letters and digits.</exception>
    public static StsRecord Create(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = new List<Diagnostic>();
        CheckId(id, found);
        var error = found.FirstOrDefault(d => d.Severity == Severity.Error);
        if (error is not null)
        {
            throw new ArgumentException(error.Describe(CultureInfo.InvariantCulture), nameof(id));
        }

        return new StsRecord(id, [], found);
    }

    /// <summary>
    /// Creates a policy id from a UTC timestamp, such as <c>20261204T201905</c> (15 letters and
    /// digits, second resolution). Publish a new id each time the policy changes.
    /// </summary>
    public static string NewId(DateTimeOffset now)
    {
        return now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats the record as published in DNS, such as <c>v=STSv1; id=20261204T201905;</c>.</summary>
    public override string ToString()
    {
        var text = $"{VersionField}; id={Id};";
        foreach (var extension in Extensions)
        {
            text += $" {extension.Key}={extension.Value};";
        }

        return text;
    }

    internal static IReadOnlyList<Diagnostic> OrderBySeverity(List<Diagnostic> diagnostics)
    {
        return diagnostics.OrderByDescending(d => d.Severity).ToArray();
    }

    private static bool StartsWithVersion(string text)
    {
        return text.StartsWith(VersionField, StringComparison.Ordinal)
            && (text.Length == VersionField.Length || text[VersionField.Length] is ';' or ' ' or '\t');
    }

    private static void CheckId(string id, List<Diagnostic> diagnostics)
    {
        // RFC 8461 §3.1: sts-id = "id=" 1*32(ALPHA / DIGIT).
        if (id.Length == 0)
        {
            diagnostics.Add(new(RecordDiagnosticCodes.StsIdEmpty, Severity.Error, Rfc, "id"));
            return;
        }

        if (IsTemplateMacro(id))
        {
            diagnostics.Add(new(RecordDiagnosticCodes.StsIdTemplate, Severity.Error, Rfc, "id", Arguments: [id]));
            return;
        }

        var bad = id.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c));
        if (bad != default)
        {
            diagnostics.Add(new(RecordDiagnosticCodes.StsIdInvalidCharacter, Severity.Error, Rfc, "id", Arguments: [id, bad.ToString()]));
            return;
        }

        if (id.Length > MaxIdLength)
        {
            var length = id.Length.ToString(CultureInfo.InvariantCulture);
            diagnostics.Add(new(RecordDiagnosticCodes.StsIdTooLong, Severity.Error, Rfc, "id", Arguments: [id, length]));
            return;
        }

        if (id.Contains("yyyy", StringComparison.OrdinalIgnoreCase) || id.Contains("mmdd", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(new(RecordDiagnosticCodes.StsIdPlaceholder, Severity.Warning, Rfc, "id", Arguments: [id]));
        }
    }

    private static bool IsTemplateMacro(string id)
    {
        return (id.Length > 2 && id[0] == '%' && id[^1] == '%')
            || (id.StartsWith("${", StringComparison.Ordinal) && id.EndsWith('}'))
            || (id.StartsWith("{{", StringComparison.Ordinal) && id.EndsWith("}}", StringComparison.Ordinal));
    }
}
