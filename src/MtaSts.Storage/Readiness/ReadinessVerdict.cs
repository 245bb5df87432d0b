namespace MtaSts.Storage.Readiness;

/// <summary>The advice of a readiness evaluation.</summary>
public enum ReadinessVerdict
{
    /// <summary>The domain is in <c>testing</c> (or unknown) mode and every check passed: switch to <c>enforce</c>.</summary>
    Ready,

    /// <summary>Too few days or reporters to judge; keep <c>testing</c> and wait for more reports.</summary>
    InsufficientEvidence,

    /// <summary>A failure check did not pass; fix the failures before switching to <c>enforce</c>.</summary>
    NotReady,

    /// <summary>The domain is in <c>enforce</c> and reports show no failures that matter; keep it.</summary>
    EnforceHealthy,

    /// <summary>The domain is in <c>enforce</c> and reports show failures: mail is being refused; consider <c>testing</c> until fixed.</summary>
    EnforceFailing,
}
