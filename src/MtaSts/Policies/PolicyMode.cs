namespace MtaSts.Policies;

/// <summary>What a sending MTA does when no MX host of the recipient domain passes validation.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8461#section-5">RFC 8461 §5</seealso>
public enum PolicyMode
{
    /// <summary><c>enforce</c>: do not deliver to an MX host that fails validation.</summary>
    Enforce,

    /// <summary><c>testing</c>: deliver anyway, and report the failure through TLS-RPT.</summary>
    Testing,

    /// <summary><c>none</c>: senders treat the domain as having no active policy.</summary>
    None,
}
