-- The failed sessions that each policy's failure details add up to, kept beside the policy's
-- own total so that summaries reconcile the two without scanning every failure detail.
ALTER TABLE policies ADD COLUMN detail_sessions INTEGER NOT NULL DEFAULT 0;

UPDATE policies
SET detail_sessions = COALESCE((SELECT TOTAL(d.failed_session_count)
                                FROM failure_details d
                                WHERE d.report_row = policies.report_row AND d.policy_ordinal = policies.ordinal), 0);
