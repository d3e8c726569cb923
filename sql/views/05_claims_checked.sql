-- name: claims_checked
-- question: Does each claim of the briefing hold on the data?
-- reproduces: C01-C16
-- grain: one row per claim and source
-- columns:
--   claim_id, source, statement: the claim as published
--   published_value, unit: the figure the source gives
--   comparator: how the computed value is compared (=, >, >=, <, <=, ~ within tolerance)
--   computed_value: the value the data gives (briefing_metrics)
--   tolerance: allowed distance for ~
--   holds: whether the comparison is true (false when the metric is unknown)
CREATE OR REPLACE VIEW claims_checked AS
SELECT
    c.claim_id,
    c.source,
    c.statement,
    c.published_value,
    c.unit,
    c.comparator,
    m.computed_value,
    c.tolerance,
    coalesce(CASE c.comparator
        WHEN '=' THEN abs(m.computed_value - c.published_value) <= c.tolerance
        WHEN '>' THEN m.computed_value > c.published_value
        WHEN '>=' THEN m.computed_value >= c.published_value
        WHEN '<' THEN m.computed_value < c.published_value
        WHEN '<=' THEN m.computed_value <= c.published_value
        WHEN '~' THEN abs(m.computed_value - c.published_value) <= c.tolerance
        WHEN 'all' THEN m.computed_value = c.published_value
    END, false) AS holds
FROM briefing_claims AS c
LEFT JOIN briefing_metrics AS m USING (metric)
ORDER BY c.claim_id, c.source;
