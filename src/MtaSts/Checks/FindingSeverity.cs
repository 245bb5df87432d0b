namespace MtaSts.Checks;

/// <summary>How much a finding matters to senders applying the policy.</summary>
public enum FindingSeverity
{
    /// <summary>A rule that passed.</summary>
    Ok,

    /// <summary>Worth knowing; mail flow is not affected.</summary>
    Info,

    /// <summary>Mail flows, but the setup is fragile, weaker than intended or against a recommendation.</summary>
    Warning,

    /// <summary>Senders ignore the policy or fail to deliver under <c>mode: enforce</c>.</summary>
    Error,
}
