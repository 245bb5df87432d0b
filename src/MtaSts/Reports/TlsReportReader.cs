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
}
