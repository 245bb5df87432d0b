namespace MtaSts.Discovery;

/// <summary>
/// The DNS resolver itself did not answer: every lookup of a check timed out or failed at the
/// transport level, so nothing can be concluded about the domain.
/// </summary>
public sealed class DnsResolverUnavailableException : IOException
{
    /// <summary>Creates the exception for lookups that ended with <paramref name="status"/>.</summary>
    /// <param name="status"><see cref="DnsLookupStatus.Timeout"/> or <see cref="DnsLookupStatus.TransportError"/>.</param>
    /// <param name="error">The resolver's error text, or <see langword="null"/>.</param>
    public DnsResolverUnavailableException(DnsLookupStatus status, string? error)
        : base($"The DNS resolver did not answer ({status}): {error}")
    {
        Status = status;
    }

    /// <summary>Creates the exception with no message.</summary>
    public DnsResolverUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DnsResolverUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DnsResolverUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How the lookups ended: <see cref="DnsLookupStatus.Timeout"/> or <see cref="DnsLookupStatus.TransportError"/>.</summary>
    public DnsLookupStatus Status { get; } = DnsLookupStatus.TransportError;
}
