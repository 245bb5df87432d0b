namespace MtaSts.Discovery;

/// <summary>The outcome of one DNS lookup, which keeps "no such name" and "no records" apart from failures.</summary>
public enum DnsLookupStatus
{
    /// <summary>The server returned at least one record of the requested type.</summary>
    Success,

    /// <summary>The name exists but has no record of the requested type (NODATA).</summary>
    NoData,

    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NxDomain,

    /// <summary>The server reported a failure (SERVFAIL).</summary>
    ServerFailure,

    /// <summary>The server refused the query (REFUSED) or returned another error code.</summary>
    Refused,

    /// <summary>No response arrived within the timeout.</summary>
    Timeout,

    /// <summary>The query could not be sent or the response could not be read.</summary>
    TransportError,
}
