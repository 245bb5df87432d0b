namespace MtaSts.Storage;

/// <summary>Which stored reports a summary covers.</summary>
/// <param name="Domain">The policy domain, or <see langword="null"/> for every domain.</param>
/// <param name="Since">The earliest report start to include, or <see langword="null"/>.</param>
/// <param name="Until">The report start before which the selection ends (exclusive), or <see langword="null"/>.</param>
public sealed record ReportFilter(string? Domain = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null)
{
    /// <summary>Every stored report.</summary>
    public static ReportFilter All { get; } = new();

    /// <summary>The domain as stored: lower case, without a trailing dot.</summary>
    internal string? NormalizedDomain => Domain is null ? null : NormalizeDomain(Domain);

    internal static string NormalizeDomain(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
