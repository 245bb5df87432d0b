-- Managed domains of `mtasts serve`, in the same PostgreSQL database as the report store.
CREATE TABLE IF NOT EXISTS server_domains (
    name          text PRIMARY KEY,     -- policy domain, lower-case A-labels, no trailing dot
    policy        text NOT NULL,        -- the policy as served, CRLF line ends
    policy_id     text NOT NULL,
    created_at    bigint NOT NULL,      -- Unix time, seconds
    updated_at    bigint NOT NULL,
    retired_at    bigint,
    removable_at  bigint,
    cached_until  bigint                -- latest replaced_at + max_age over replaced policies
);

-- Catalogs created before cached_until existed.
ALTER TABLE server_domains ADD COLUMN IF NOT EXISTS cached_until bigint;

-- One row; its version grows with every change so that servers in other processes reload.
CREATE TABLE IF NOT EXISTS server_catalog_version (
    id       integer PRIMARY KEY CHECK (id = 1),
    version  bigint NOT NULL
);

INSERT INTO server_catalog_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
