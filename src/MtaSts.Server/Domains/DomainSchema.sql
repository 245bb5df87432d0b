-- Managed domains of `mtasts serve`, in the same SQLite file as the report store.
CREATE TABLE IF NOT EXISTS server_domains (
    name          TEXT PRIMARY KEY,     -- policy domain, lower-case A-labels, no trailing dot
    policy        TEXT NOT NULL,        -- the policy as served, CRLF line ends
    policy_id     TEXT NOT NULL,
    created_at    INTEGER NOT NULL,     -- Unix time, seconds
    updated_at    INTEGER NOT NULL,
    retired_at    INTEGER,
    removable_at  INTEGER,
    cached_until  INTEGER               -- latest replaced_at + max_age over replaced policies
) STRICT;

-- One row; its version grows with every change so that servers in other processes reload.
CREATE TABLE IF NOT EXISTS server_catalog_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
) STRICT;

INSERT OR IGNORE INTO server_catalog_version (id, version) VALUES (1, 0);
