using MtaSts.Reports;

namespace MtaSts.Storage;

/// <summary>
/// The identity of a report: the reporting organisation plus its report-id. A store keeps one
/// report per key, so a report delivered twice is counted once.
/// </summary>
/// <param name="Organization">The reporting organisation, normalised to lower case.</param>
/// <param name="ReportId">The report-id, as the reporter wrote it.</param>
public sealed record ReportKey(string Organization, string ReportId)
{
    /// <summary>
    /// Derives the key of <paramref name="report"/>: the domain of its contact-info, else the
    /// mail submitter, else its organization-name, in lower case.
    /// </summary>
    /// <remarks>
    /// RFC 8460 §5.3 lets receivers drop a report delivered twice, and report-id alone is unique
    /// only per reporter, so the reporter is part of the key.
    /// </remarks>
    public static ReportKey For(TlsReport report, string? submitter = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var organization = ContactDomain(report.ContactInfo)
            ?? Normalize(submitter)
            ?? Normalize(report.OrganizationName)
            ?? string.Empty;
        return new ReportKey(organization, report.ReportId);
    }

    /// <summary>Returns the domain named by a contact-info value (a mail address or a URI).</summary>
    internal static string? ContactDomain(string? contactInfo)
    {
        var value = Normalize(contactInfo);
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith("mailto:", StringComparison.Ordinal))
        {
            value = value["mailto:".Length..];
        }

        var at = value.LastIndexOf('@');
        if (at >= 0)
        {
            return Normalize(value[(at + 1)..].TrimEnd('>', ' ', '.'));
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            return uri.Host.TrimEnd('.');
        }

        return value;
    }

    private static string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }
}
