using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Reports;

// Reading the failure-details rows of a policy (RFC 8460 §4.4).
internal sealed partial class TlsReportReader
{
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
}
