using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Reports;

/// <summary>
/// Walks a parsed JSON document into a <see cref="TlsReport"/>, adding a diagnostic for each
/// deviation from RFC 8460 §4.4. The lenient readings of what real senders write are kept
/// together in <c>TlsReportReader.Deviations.cs</c>.
/// </summary>
internal sealed partial class TlsReportReader
{
    private const string SchemaRule = "RFC 8460 §4.4";
    private const string StructureRule = "RFC 8460 §4";
    private const int MaxShownValueLength = 120;

    private readonly List<Diagnostic> _diagnostics;
    private bool _hasError;

    public TlsReportReader(List<Diagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    [Flags]
    private enum Keys
    {
        None = 0,
        OrganizationName = 1 << 0,
        DateRange = 1 << 1,
        ContactInfo = 1 << 2,
        ReportId = 1 << 3,
        Policies = 1 << 4,
        StartDateTime = 1 << 5,
        EndDateTime = 1 << 6,
        Policy = 1 << 7,
        Summary = 1 << 8,
        FailureDetails = 1 << 9,
        PolicyType = 1 << 10,
        PolicyString = 1 << 11,
        PolicyDomain = 1 << 12,
        MxHost = 1 << 13,
        TotalSuccessful = 1 << 14,
        TotalFailure = 1 << 15,
        ResultType = 1 << 16,
        SendingMtaIp = 1 << 17,
        ReceivingMxHostname = 1 << 18,
        ReceivingMxHelo = 1 << 19,
        ReceivingIp = 1 << 20,
        FailedSessionCount = 1 << 21,
        AdditionalInformation = 1 << 22,
        FailureReasonCode = 1 << 23,
    }

    public TlsReport? ReadReport(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            AddError(ReportDiagnosticCodes.NotAnObject, StructureRule, null, KindName(root.ValueKind));
            return null;
        }

        var at = Location.Root;
        var seen = Keys.None;
        TextValue organizationName = default;
        TextValue contactInfo = default;
        TextValue reportId = default;
        DateRange? dateRange = null;
        List<PolicyResult>? policies = null;
        Dictionary<string, JsonElement>? extensionData = null;

        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("organization-name"u8))
            {
                if (Claim(ref seen, Keys.OrganizationName, at, "organization-name"))
                {
                    organizationName = ReadText(property.Value, at, "organization-name");
                }
            }
            else if (property.NameEquals("date-range"u8))
            {
                if (Claim(ref seen, Keys.DateRange, at, "date-range"))
                {
                    dateRange = ReadDateRange(property.Value);
                }
            }
            else if (property.NameEquals("contact-info"u8))
            {
                if (Claim(ref seen, Keys.ContactInfo, at, "contact-info"))
                {
                    contactInfo = ReadText(property.Value, at, "contact-info");
                }
            }
            else if (property.NameEquals("report-id"u8))
            {
                if (Claim(ref seen, Keys.ReportId, at, "report-id"))
                {
                    reportId = ReadText(property.Value, at, "report-id");
                }
            }
            else if (property.NameEquals("policies"u8))
            {
                if (Claim(ref seen, Keys.Policies, at, "policies"))
                {
                    policies = ReadPolicies(property.Value);
                }
            }
            else
            {
                AddExtension(ref extensionData, property, at);
            }
        }

        if ((seen & (Keys.ReportId | Keys.Policies)) == Keys.None)
        {
            AddError(ReportDiagnosticCodes.NotAReport, StructureRule, null);
            return null;
        }

        NoteExtensions(extensionData, at);

        // RFC 8460 §4.4: report-id, date-range and policies identify the report and hold its data;
        // without them it can be neither stored nor deduplicated.
        RequireText(reportId, at, "report-id");
        if ((seen & Keys.DateRange) == Keys.None)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, "date-range", "date-range");
        }

        if ((seen & Keys.Policies) == Keys.None)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, "policies", "policies");
        }

        CheckPresent(organizationName, at, "organization-name", Severity.Warning);
        CheckPresent(contactInfo, at, "contact-info", Severity.Warning);

        if (_hasError || dateRange is null || policies is null || reportId.Value is null)
        {
            return null;
        }

        return new TlsReport
        {
            OrganizationName = organizationName.Value,
            DateRange = dateRange,
            ContactInfo = contactInfo.Value,
            ReportId = reportId.Value,
            Policies = policies,
            ExtensionData = extensionData,
        };
    }

    private DateRange? ReadDateRange(JsonElement value)
    {
        var at = Location.DateRange;
        if (value.ValueKind != JsonValueKind.Object)
        {
            AddError(ReportDiagnosticCodes.WrongType, SchemaRule, "date-range", "date-range", "object", KindName(value.ValueKind));
            return null;
        }

        var seen = Keys.None;
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        Dictionary<string, JsonElement>? extensionData = null;

        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("start-datetime"u8))
            {
                if (Claim(ref seen, Keys.StartDateTime, at, "start-datetime"))
                {
                    start = ReadDateTime(property.Value, at, "start-datetime");
                }
            }
            else if (property.NameEquals("end-datetime"u8))
            {
                if (Claim(ref seen, Keys.EndDateTime, at, "end-datetime"))
                {
                    end = ReadDateTime(property.Value, at, "end-datetime");
                }
            }
            else
            {
                AddExtension(ref extensionData, property, at);
            }
        }

        NoteExtensions(extensionData, at);
        if ((seen & Keys.StartDateTime) == Keys.None)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, at.Of("start-datetime"), "start-datetime");
        }

        if ((seen & Keys.EndDateTime) == Keys.None)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, at.Of("end-datetime"), "end-datetime");
        }

        if (start is null || end is null)
        {
            return null;
        }

        CheckDateRange(start.Value, end.Value);
        return new DateRange(start.Value, end.Value) { ExtensionData = extensionData };
    }

    private void CheckDateRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            Add(ReportDiagnosticCodes.DateRangeReversed, Severity.Warning, SchemaRule, "date-range", FormatDate(start), FormatDate(end));
            return;
        }

        // RFC 8460 §4.1: a report SHOULD cover a full UTC day. Senders end it at 23:59:59Z or at
        // 00:00:00Z of the next day, so both count as a full day.
        var length = end - start;
        var startsAtMidnight = start.UtcDateTime.TimeOfDay == TimeSpan.Zero;
        var isOneDay = length >= TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1) && length <= TimeSpan.FromDays(1);
        if (!startsAtMidnight || !isOneDay)
        {
            Add(ReportDiagnosticCodes.DateRangeNotUtcDay, Severity.Info, "RFC 8460 §4.1", "date-range", FormatDate(start), FormatDate(end));
        }
    }

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
            Add(ReportDiagnosticCodes.FieldMissing, missingSeverity, "RFC 8460 §4.5", at.Of("policy-string"), "policy-string");
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

    private List<FailureDetail>? ReadFailureDetails(JsonElement value, int policyIndex)
    {
        var at = Location.PolicyEntry(policyIndex);
        var details = new List<FailureDetail>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.Object)
                    {
                        details.Add(ReadFailureDetail(element, policyIndex, index));
                    }
                    else
                    {
                        var path = Location.FailureDetailEntry(policyIndex, index).Path!;
                        Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, path, path, "object", KindName(element.ValueKind));
                    }

                    index++;
                }

                return details;

            case JsonValueKind.Object:
                Add(ReportDiagnosticCodes.ObjectNotArray, Severity.Warning, SchemaRule, at.Of("failure-details"), "failure-details");
                details.Add(ReadFailureDetail(value, policyIndex, 0));
                return details;

            case JsonValueKind.Null:
                Add(ReportDiagnosticCodes.FieldEmpty, Severity.Info, SchemaRule, at.Of("failure-details"), "failure-details", "null");
                return details;

            default:
                Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Of("failure-details"), "failure-details", "array", KindName(value.ValueKind));
                return null;
        }
    }

    private FailureDetail ReadFailureDetail(JsonElement value, int policyIndex, int index)
    {
        var at = Location.FailureDetailEntry(policyIndex, index);
        var seen = Keys.None;
        TextValue resultType = default;
        TextValue sendingMtaIp = default;
        TextValue receivingMxHostname = default;
        TextValue receivingMxHelo = default;
        TextValue receivingIp = default;
        TextValue additionalInformation = default;
        TextValue failureReasonCode = default;
        long failedSessionCount = 0;
        Dictionary<string, JsonElement>? extensionData = null;

        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("result-type"u8))
            {
                if (Claim(ref seen, Keys.ResultType, at, "result-type"))
                {
                    resultType = ReadText(property.Value, at, "result-type");
                }
            }
            else if (property.NameEquals("sending-mta-ip"u8))
            {
                if (Claim(ref seen, Keys.SendingMtaIp, at, "sending-mta-ip"))
                {
                    sendingMtaIp = ReadText(property.Value, at, "sending-mta-ip");
                }
            }
            else if (property.NameEquals("receiving-mx-hostname"u8) || IsReceivingMxHostnameMisspelling(property, at))
            {
                var key = property.Name;
                if (Claim(ref seen, Keys.ReceivingMxHostname, at, key))
                {
                    receivingMxHostname = ReadText(property.Value, at, key);
                }
            }
            else if (property.NameEquals("receiving-mx-helo"u8))
            {
                if (Claim(ref seen, Keys.ReceivingMxHelo, at, "receiving-mx-helo"))
                {
                    receivingMxHelo = ReadText(property.Value, at, "receiving-mx-helo");
                }
            }
            else if (property.NameEquals("receiving-ip"u8))
            {
                if (Claim(ref seen, Keys.ReceivingIp, at, "receiving-ip"))
                {
                    receivingIp = ReadText(property.Value, at, "receiving-ip");
                }
            }
            else if (property.NameEquals("failed-session-count"u8))
            {
                if (Claim(ref seen, Keys.FailedSessionCount, at, "failed-session-count"))
                {
                    failedSessionCount = ReadCount(property.Value, at, "failed-session-count");
                }
            }
            else if (property.NameEquals("additional-information"u8) || IsAdditionalInformationAlias(property, at))
            {
                var key = property.Name;
                if (Claim(ref seen, Keys.AdditionalInformation, at, key))
                {
                    additionalInformation = ReadText(property.Value, at, key);
                }
            }
            else if (property.NameEquals("failure-reason-code"u8))
            {
                if (Claim(ref seen, Keys.FailureReasonCode, at, "failure-reason-code"))
                {
                    failureReasonCode = ReadText(property.Value, at, "failure-reason-code");
                }
            }
            else
            {
                AddExtension(ref extensionData, property, at);
            }
        }

        NoteExtensions(extensionData, at);
        var type = resultType.Value ?? "";
        CheckPresent(resultType, at, "result-type", Severity.Warning);
        if (type.Length > 0 && !ResultTypes.IsKnown(type))
        {
            // RFC 8460 §4.3: the list of result types is expected to grow, so the value is kept.
            Add(ReportDiagnosticCodes.UnknownResultType, Severity.Info, "RFC 8460 §4.3", at.Of("result-type"), Shorten(type));
        }

        // A policy fetch or policy validation failure happens before any SMTP session, so
        // senders have no MTA or MX address to put in the row.
        var connectionSeverity = IsPolicyFailure(type) ? Severity.Info : Severity.Warning;
        CheckPresent(sendingMtaIp, at, "sending-mta-ip", connectionSeverity);
        CheckPresent(receivingMxHostname, at, "receiving-mx-hostname", connectionSeverity);

        // RFC 8460 Appendix B itself leaves receiving-ip out of a row, so its absence is only noted.
        CheckPresent(receivingIp, at, "receiving-ip", Severity.Info);
        CheckCountPresent(seen, Keys.FailedSessionCount, at, "failed-session-count");
        CheckEmpty(receivingMxHelo, at, "receiving-mx-helo");
        CheckEmpty(additionalInformation, at, "additional-information");
        CheckEmpty(failureReasonCode, at, "failure-reason-code");

        return new FailureDetail
        {
            ResultType = type,
            SendingMtaIp = sendingMtaIp.Value,
            ReceivingMxHostname = receivingMxHostname.Value,
            ReceivingMxHelo = receivingMxHelo.Value,
            ReceivingIp = receivingIp.Value,
            FailedSessionCount = failedSessionCount,
            AdditionalInformation = additionalInformation.Value,
            FailureReasonCode = failureReasonCode.Value,
            ExtensionData = extensionData,
        };
    }

    private static bool IsPolicyFailure(string resultType)
    {
        return resultType is ResultTypes.StsPolicyFetchError or ResultTypes.StsPolicyInvalid
            or ResultTypes.StsWebPkiInvalid or ResultTypes.DnssecInvalid or ResultTypes.TlsaInvalid;
    }

    private TextValue ReadText(JsonElement value, Location at, string key)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return text.Length == 0 ? new TextValue(true, null, "\"\"") : new TextValue(true, text, null);

            case JsonValueKind.Null:
                return new TextValue(true, null, "null");

            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                // A number or literal still carries the sender's value, so its text is kept.
                Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Of(key), key, "string", KindName(value.ValueKind));
                return new TextValue(true, value.GetRawText(), null);

            default:
                Add(ReportDiagnosticCodes.WrongType, Severity.Warning, SchemaRule, at.Of(key), key, "string", KindName(value.ValueKind));
                return new TextValue(true, null, null);
        }
    }

    private void RequireText(TextValue value, Location at, string key)
    {
        if (!value.Present)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, at.Of(key), key);
        }
        else if (value.EmptyAs is not null)
        {
            AddError(ReportDiagnosticCodes.RequiredFieldMissing, SchemaRule, at.Of(key), key);
        }
        else if (value.Value is null)
        {
            // The wrong type was already reported; without a value the report cannot be used.
            _hasError = true;
        }
    }

    private void CheckPresent(TextValue value, Location at, string key, Severity severity)
    {
        if (!value.Present)
        {
            Add(ReportDiagnosticCodes.FieldMissing, severity, SchemaRule, at.Of(key), key);
        }
        else if (value.EmptyAs is not null)
        {
            Add(ReportDiagnosticCodes.FieldEmpty, severity, SchemaRule, at.Of(key), key, value.EmptyAs);
        }
    }

    private void CheckEmpty(TextValue value, Location at, string key)
    {
        if (value.EmptyAs is not null)
        {
            Add(ReportDiagnosticCodes.FieldEmpty, Severity.Info, SchemaRule, at.Of(key), key, value.EmptyAs);
        }
    }

    private void CheckCountPresent(Keys seen, Keys key, Location at, string name)
    {
        if ((seen & key) == Keys.None)
        {
            Add(ReportDiagnosticCodes.FieldMissing, Severity.Warning, SchemaRule, at.Of(name), name);
        }
    }

    private bool Claim(ref Keys seen, Keys key, Location at, string name)
    {
        if ((seen & key) != Keys.None)
        {
            // RFC 8460 §4 requires I-JSON, whose objects have unique member names.
            Add(ReportDiagnosticCodes.DuplicateKey, Severity.Warning, StructureRule, at.Of(name), name);
            return false;
        }

        seen |= key;
        return true;
    }

    private void AddExtension(ref Dictionary<string, JsonElement>? extensionData, JsonProperty property, Location at)
    {
        extensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!extensionData.TryAdd(property.Name, property.Value.Clone()))
        {
            Add(ReportDiagnosticCodes.DuplicateKey, Severity.Warning, StructureRule, at.Of(property.Name), property.Name);
        }
    }

    private void NoteExtensions(Dictionary<string, JsonElement>? extensionData, Location at)
    {
        if (extensionData is null)
        {
            return;
        }

        var names = string.Join(", ", extensionData.Keys);
        Add(ReportDiagnosticCodes.ExtraFields, Severity.Info, SchemaRule, at.Path, Shorten(names));
    }

    private void Add(string code, Severity severity, string rule, string? subject, params string[] arguments)
    {
        _diagnostics.Add(new Diagnostic(code, severity, rule, subject, Arguments: arguments));
        if (severity == Severity.Error)
        {
            _hasError = true;
        }
    }

    private void AddError(string code, string rule, string? subject, params string[] arguments)
    {
        Add(code, Severity.Error, rule, subject, arguments);
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Shorten(string value)
    {
        return value.Length <= MaxShownValueLength ? value : string.Concat(value.AsSpan(0, MaxShownValueLength), "…");
    }

    private static string FormatCount(long count) => count.ToString(CultureInfo.InvariantCulture);

    private static string FormatDate(DateTimeOffset value) => Rfc3339DateTimeConverter.Format(value);

    /// <summary>A string field as read: whether its key was present, its value, and how it was empty.</summary>
    private readonly record struct TextValue(bool Present, string? Value, string? EmptyAs);

    /// <summary>Where an object sits in the report, to build JSON paths for diagnostics only when needed.</summary>
    private readonly record struct Location(int Policy, int Detail, string? Section)
    {
        public static Location Root => new(-1, -1, null);

        public static Location DateRange => new(-1, -1, "date-range");

        public static Location PolicyEntry(int policy) => new(policy, -1, null);

        public static Location PolicyObject(int policy) => new(policy, -1, "policy");

        public static Location SummaryObject(int policy) => new(policy, -1, "summary");

        public static Location FailureDetailEntry(int policy, int detail) => new(policy, detail, null);

        public string? Path
        {
            get
            {
                if (Policy < 0)
                {
                    return Section;
                }

                var entry = "policies[" + Policy.ToString(CultureInfo.InvariantCulture) + "]";
                if (Detail >= 0)
                {
                    return entry + ".failure-details[" + Detail.ToString(CultureInfo.InvariantCulture) + "]";
                }

                return Section is null ? entry : entry + "." + Section;
            }
        }

        public string Of(string key)
        {
            var path = Path;
            return path is null ? key : path + "." + key;
        }
    }
}
