-- The failed sessions that each policy's failure details add up to, kept beside the policy's
-- own total so that summaries reconcile the two without scanning every failure detail.
ALTER TABLE policies ADD COLUMN detail_sessions BIGINT NOT NULL DEFAULT 0;

UPDATE policies p
SET detail_sessions = d.n
FROM (SELECT report_row, policy_ordinal, LEAST(SUM(failed_session_count), 9223372036854775807)::BIGINT AS n
      FROM failure_details
      GROUP BY report_row, policy_ordinal) d
WHERE d.report_row = p.report_row AND d.policy_ordinal = p.ordinal;
