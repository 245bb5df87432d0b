namespace MtaSts.Discovery;

/// <summary>An MX record: the preference and the host name of the exchange.</summary>
/// <param name="Preference">Lower values are tried first.</param>
/// <param name="Exchange">The MX host name, in A-label form without the trailing dot; empty for a null MX.</param>
public sealed record DnsMxRecord(int Preference, string Exchange)
{
    /// <summary>Whether this is a null MX (RFC 7505): preference 0 and exchange ".".</summary>
    public bool IsNullMx => Exchange.Length == 0;
}

/// <summary>A TXT record as the character-strings it was published in.</summary>
/// <param name="Strings">The character-strings in order; senders join them with nothing in between.</param>
public sealed record DnsTxtRecord(IReadOnlyList<string> Strings)
{
    /// <summary>The character-strings joined without separators, the way RFC 8461 §3.1 reads a record.</summary>
    public string Text => string.Concat(Strings);
}

/// <summary>A TLSA record (RFC 6698) as published for DANE.</summary>
/// <param name="Usage">Certificate usage field.</param>
/// <param name="Selector">Selector field.</param>
/// <param name="MatchingType">Matching type field.</param>
/// <param name="Data">The certificate association data as lowercase hexadecimal.</param>
public sealed record DnsTlsaRecord(int Usage, int Selector, int MatchingType, string Data);
