using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Reports;

// Reading the policies array: each policy, its summary and the check of failure totals.
internal sealed partial class TlsReportReader
{
    private List<PolicyResult>? ReadPolicies(JsonElement value)
    {
        var policies = new List<PolicyResult>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.Object)
                    {
                        policies.Add(ReadPolicyResult(element, index));
                    }
                    else
                    {
                        var path = Location.PolicyEntry(index).Path!;
                        Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, path, path, "object", KindName(element.ValueKind));
                    }

                    index++;
                }

                if (index == 0)
                {
                    Add(ReportDiagnosticCodes.NoPolicies, Severity.Warning, StructureRule, "policies");
                }

                return policies;

            case JsonValueKind.Object:
                // RFC 8460 §4: "policies" MUST be an array even when it contains one policy.
                Add(ReportDiagnosticCodes.ObjectNotArray, Severity.Warning, StructureRule, "policies", "policies");
                policies.Add(ReadPolicyResult(value, 0));
                return policies;

            default:
                AddError(ReportDiagnosticCodes.WrongType, StructureRule, "policies", "policies", "array", KindName(value.ValueKind));
                return null;
        }
    }

    private PolicyResult ReadPolicyResult(JsonElement value, int index)
    {
        var at = Location.PolicyEntry(index);
        var seen = Keys.None;
        ReportedPolicy? policy = null;
        SessionSummary? summary = null;
        List<FailureDetail>? failureDetails = null;
        Dictionary<string, JsonElement>? extensionData = null;

        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("policy"u8))
            {
                if (Claim(ref seen, Keys.Policy, at, "policy"))
                {
                    policy = ReadPolicy(property.Value, index);
                }
            }
            else if (property.NameEquals("summary"u8))
            {
                if (Claim(ref seen, Keys.Summary, at, "summary"))
                {
                    summary = ReadSummary(property.Value, index);
                }
            }
            else if (property.NameEquals("failure-details"u8))
            {
                if (Claim(ref seen, Keys.FailureDetails, at, "failure-details"))
                {
                    failureDetails = ReadFailureDetails(property.Value, index);
                }
            }
            else
            {
                AddExtension(ref extensionData, property, at);
            }
        }

        NoteExtensions(extensionData, at);
        if (policy is null)
        {
            if ((seen & Keys.Policy) == Keys.None)
            {
                Add(ReportDiagnosticCodes.FieldMissing, Severity.Warning, SchemaRule, at.Of("policy"), "policy");
            }

            policy = new ReportedPolicy { PolicyType = "" };
        }

        if (summary is null)
        {
            if ((seen & Keys.Summary) == Keys.None)
            {
                Add(ReportDiagnosticCodes.FieldMissing, Severity.Warning, SchemaRule, at.Of("summary"), "summary");
            }

            summary = new SessionSummary();
        }

        failureDetails ??= [];
        CheckFailureTotal(summary, failureDetails, at);

        return new PolicyResult
        {
            Policy = policy,
            Summary = summary,
            FailureDetails = failureDetails,
            ExtensionData = extensionData,
        };
    }

    private void CheckFailureTotal(SessionSummary summary, List<FailureDetail> failureDetails, Location at)
    {
        long sum = 0;
        foreach (var detail in failureDetails)
        {
            sum = sum > long.MaxValue - detail.FailedSessionCount ? long.MaxValue : sum + detail.FailedSessionCount;
        }

        var total = summary.TotalFailureSessionCount;
        if (sum > total)
        {
            // RFC 8460 §4: failure types are non-exclusive, so one session may count in several rows.
            Add(ReportDiagnosticCodes.FailureCountAboveTotal, Severity.Info, StructureRule, at.Path, FormatCount(sum), FormatCount(total));
        }
        else if (sum < total)
        {
            Add(ReportDiagnosticCodes.FailureCountBelowTotal, Severity.Warning, "RFC 8460 §4.2.2", at.Path, FormatCount(sum), FormatCount(total));
        }
    }

    private ReportedPolicy? ReadPolicy(JsonElement value, int index)
    {
        var at = Location.PolicyObject(index);
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Path, "policy", "object", KindName(value.ValueKind));
            return null;
        }

        var seen = Keys.None;
        TextValue policyType = default;
        TextValue policyDomain = default;
        JsonElement? policyString = null;
        JsonElement? mxHost = null;
        var mxHostKey = "mx-host";
        Dictionary<string, JsonElement>? extensionData = null;

        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("policy-type"u8))
            {
                if (Claim(ref seen, Keys.PolicyType, at, "policy-type"))
                {
                    policyType = ReadText(property.Value, at, "policy-type");
                }
            }
            else if (property.NameEquals("policy-string"u8))
            {
                if (Claim(ref seen, Keys.PolicyString, at, "policy-string"))
                {
                    policyString = property.Value;
                }
            }
            else if (property.NameEquals("policy-domain"u8))
            {
                if (Claim(ref seen, Keys.PolicyDomain, at, "policy-domain"))
                {
                    policyDomain = ReadText(property.Value, at, "policy-domain");
                }
            }
            else if (property.NameEquals("mx-host"u8) || IsMxHostAlias(property, at))
            {
                var key = property.Name;
                if (Claim(ref seen, Keys.MxHost, at, key))
                {
                    mxHost = property.Value;
                    mxHostKey = key;
                }
            }
            else
            {
                AddExtension(ref extensionData, property, at);
            }
        }

        NoteExtensions(extensionData, at);

        // The type decides which of the other fields matter, so the checks wait until it is known.
        var type = policyType.Value ?? "";
        CheckPresent(policyType, at, "policy-type", Severity.Warning);
        if (type.Length > 0 && !PolicyTypes.IsKnown(type))
        {
            // RFC 8460 §4.4 lists three policy types; a newer sender may use others, so the value is kept.
            Add(ReportDiagnosticCodes.UnknownPolicyType, Severity.Info, SchemaRule, at.Of("policy-type"), Shorten(type));
        }

        var policyStringSeverity = type switch
        {
            PolicyTypes.NoPolicyFound => (Severity?)null,
            PolicyTypes.Sts or PolicyTypes.Tlsa => Severity.Warning,
            _ => Severity.Info,
        };
        var policyLines = policyString is { } policyStringValue
            ? ReadStringList(policyStringValue, at, "policy-string", policyStringSeverity)
            : [];
        if (policyString is null && policyStringSeverity is { } missingSeverity)
        {
            Add(ReportDiagnosticCodes.FieldMissing, missingSeverity, SchemaRule, at.Of("policy-string"), "policy-string");
        }

        if (type == PolicyTypes.Tlsa)
        {
            policyLines = ExpandTlsaPolicyString(policyLines, at);
        }

        // RFC 8460 §4.4: mx-host applies only to "sts" policies.
        var mxHostSeverity = type == PolicyTypes.Sts ? Severity.Info : (Severity?)null;
        var mxHosts = mxHost is { } mxHostValue
            ? ReadMxHosts(mxHostValue, at, mxHostKey, mxHostSeverity)
            : [];
        if (mxHost is null && mxHostSeverity is { } mxSeverity)
        {
            Add(ReportDiagnosticCodes.FieldMissing, mxSeverity, SchemaRule, at.Of("mx-host"), "mx-host");
        }

        CheckPresent(policyDomain, at, "policy-domain", Severity.Warning);

        return new ReportedPolicy
        {
            PolicyType = type,
            PolicyString = policyLines,
            PolicyDomain = policyDomain.Value,
            MxHost = mxHosts,
            ExtensionData = extensionData,
        };
    }

    private SessionSummary? ReadSummary(JsonElement value, int index)
    {
        var at = Location.SummaryObject(index);
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Path, "summary", "object", KindName(value.ValueKind));
            return null;
        }

        var seen = Keys.None;
        long successful = 0;
        long failed = 0;
        Dictionary<string, JsonElement>? extensionData = null;

        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("total-successful-session-count"u8))
            {
                if (Claim(ref seen, Keys.TotalSuccessful, at, "total-successful-session-count"))
                {
                    successful = ReadCount(property.Value, at, "total-successful-session-count");
                }
            }
            else if (property.NameEquals("total-failure-session-count"u8))
            {
                if (Claim(ref seen, Keys.TotalFailure, at, "total-failure-session-count"))
                {
                    failed = ReadCount(property.Value, at, "total-failure-session-count");
                }
            }
            else
            {
                AddExtension(ref extensionData, property, at);
            }
        }

        NoteExtensions(extensionData, at);
        CheckCountPresent(seen, Keys.TotalSuccessful, at, "total-successful-session-count");
        CheckCountPresent(seen, Keys.TotalFailure, at, "total-failure-session-count");

        return new SessionSummary
        {
            TotalSuccessfulSessionCount = successful,
            TotalFailureSessionCount = failed,
            ExtensionData = extensionData,
        };
    }
}
