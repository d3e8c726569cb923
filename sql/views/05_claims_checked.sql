-- name: claims_checked
-- question: Does each published claim hold on the data, for the report year it describes?
-- reproduces: C01-C16 (scio-2023-04-20-zh, report year 2022), J01-J06 (cctv-2023-06, report year 2023), and the erratum C02 (scio-2023-04-20-en)
-- grain: one row per source and claim
-- columns:
--   source_key, claim_id: the claim (source_key names the source; see briefing_claims.source)
--   report_year: the year of the reports the claim describes
--   source, statement, statement_zh: the claim as published, in English and in Chinese (the project's own words)
--   published_value, unit: the figure the source gives
--   comparator: =, >, >=, <, <=, ~ (within tolerance), odd ("N-odd": at least N, below N + tolerance), all
--   computed_value: the value the data gives (briefing_metrics for the claim's report year)
--   tolerance: allowed distance for ~ and =; the width of the "-odd" range for odd
--   holds: whether the published figure holds (false when the metric is unknown)
--   erratum: the row records a figure the source got wrong; it is listed apart and never fails `check`
--   corrected_value: for an erratum, the right figure
--   note: how to read the claim, or what went wrong in an erratum
--   verdict: holds, fails, or erratum
CREATE OR REPLACE VIEW claims_checked AS
WITH judged AS (
    SELECT
        c.source_key,
        c.claim_id,
        c.report_year,
        c.source,
        c.statement,
        c.statement_zh,
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
            WHEN 'odd' THEN m.computed_value >= c.published_value
                        AND m.computed_value < c.published_value + c.tolerance
            WHEN 'all' THEN m.computed_value = c.published_value
        END, false) AS holds,
        c.erratum,
        c.corrected_value,
        c.note
    FROM briefing_claims AS c
    LEFT JOIN briefing_metrics AS m ON m.metric = c.metric AND m.report_year = c.report_year
)
SELECT
    *,
    CASE WHEN erratum THEN 'erratum' WHEN holds THEN 'holds' ELSE 'fails' END AS verdict
FROM judged
ORDER BY erratum, report_year, source_key, claim_id;
