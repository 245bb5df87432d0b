using MtaSts.Reports;

namespace MtaSts.Cli.Output;

/// <summary>
/// Finds reports shown more than once. RFC 8460 §5.3 lets a sender deliver the same report
/// again, so a mailbox often contains copies. Each copy points at the first source it was read from
/// and is left out of the totals.
/// </summary>
internal static class Duplicates
{
    public static IReadOnlyDictionary<ReadReport, string> Find(IEnumerable<ShownInput> inputs)
    {
        var firstSource = new Dictionary<(string, string), string>();
        var duplicates = new Dictionary<ReadReport, string>(ReferenceEqualityComparer.Instance);
        foreach (var input in inputs)
        {
            foreach (var read in input.Result?.Reports ?? [])
            {
                if (read.Report is not { } report)
                {
                    continue;
                }

                // The organisation and report-id identify a report; the organisation name alone
                // is what every sender fills in.
                var key = ((report.OrganizationName ?? report.ContactInfo ?? string.Empty).ToLowerInvariant(), report.ReportId);
                if (!firstSource.TryAdd(key, input.Source))
                {
                    duplicates[read] = firstSource[key];
                }
            }
        }

        return duplicates;
    }
}
