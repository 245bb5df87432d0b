using MtaSts.Diagnostics;

namespace MtaSts.Records;

/// <summary>
/// The outcome of choosing the policy record among the TXT records at <c>_mta-sts</c>: the
/// record, or no policy with the reason in <see cref="Diagnostics"/>.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8461#section-3.1">RFC 8461 §3.1</seealso>
public sealed class StsRecordSelection
{
    internal StsRecordSelection(StsRecord? record, IReadOnlyList<Diagnostic> diagnostics)
    {
        Record = record;
        Diagnostics = diagnostics;
    }

    /// <summary>The one valid record, or <see langword="null"/> when senders assume there is no policy.</summary>
    public StsRecord? Record { get; }

    /// <summary>The discarded records, the reason for having no policy, and the record's own diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether senders go on to fetch the policy.</summary>
    public bool HasPolicy => Record is not null;
}
