-- Times are Unix seconds (UTC) so that both backends share the summary queries.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    organization_key TEXT NOT NULL,
    report_id TEXT NOT NULL,
    organization_name TEXT,
    contact_info TEXT,
    start_time INTEGER NOT NULL,
    end_time INTEGER NOT NULL,
    source TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    policy_count INTEGER NOT NULL,
    failure_detail_count INTEGER NOT NULL,
    raw_gzip BLOB,
    diagnostics TEXT NOT NULL,
    normalized_json TEXT,
    UNIQUE (organization_key, report_id)
);

CREATE TABLE policies (
    report_row INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    organization TEXT NOT NULL,
    start_time INTEGER NOT NULL,
    policy_type TEXT NOT NULL,
    policy_domain TEXT NOT NULL,
    policy_mode TEXT,
    policy_string TEXT NOT NULL,
    mx_host TEXT NOT NULL,
    successful_sessions INTEGER NOT NULL,
    failed_sessions INTEGER NOT NULL,
    PRIMARY KEY (report_row, ordinal)
);

CREATE INDEX policies_domain_time ON policies (policy_domain, start_time);
CREATE INDEX policies_time ON policies (start_time);

CREATE TABLE failure_details (
    report_row INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    policy_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    organization TEXT NOT NULL,
    start_time INTEGER NOT NULL,
    policy_domain TEXT NOT NULL,
    result_type TEXT NOT NULL,
    sending_mta_ip TEXT,
    receiving_mx_hostname TEXT,
    receiving_mx_helo TEXT,
    receiving_ip TEXT,
    failed_session_count INTEGER NOT NULL,
    additional_information TEXT,
    failure_reason_code TEXT,
    PRIMARY KEY (report_row, policy_ordinal, ordinal)
) WITHOUT ROWID;

CREATE INDEX failure_details_domain_time ON failure_details (policy_domain, start_time);
CREATE INDEX failure_details_time ON failure_details (start_time);
