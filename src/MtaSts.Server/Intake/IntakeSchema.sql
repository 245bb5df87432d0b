-- Reports received by `mtasts serve` until they move into the shared report store.
CREATE TABLE IF NOT EXISTS server_reports (
    organization  TEXT NOT NULL,        -- organization-name
    report_id     TEXT NOT NULL,        -- report-id
    received_at   INTEGER NOT NULL,     -- Unix time, seconds
    channel       TEXT NOT NULL,        -- https, smtp or imap
    peer          TEXT,
    set_aside     INTEGER NOT NULL,     -- 1 for a report covering no managed domain
    json          BLOB NOT NULL,
    PRIMARY KEY (organization, report_id)
) STRICT;

CREATE TABLE IF NOT EXISTS server_report_domains (
    organization  TEXT NOT NULL,
    report_id     TEXT NOT NULL,
    domain        TEXT NOT NULL,
    PRIMARY KEY (organization, report_id, domain),
    FOREIGN KEY (organization, report_id) REFERENCES server_reports (organization, report_id) ON DELETE CASCADE
) STRICT;
