-- name: claims_checked
-- question: Does each published claim hold on the data, for the report year it describes?
-- reproduces: C01-C16 (scio-2023-04-20-zh, report year 2022), J01-J06 (cctv-2023-06, report year 2023), R01-R03 (miit-2025-review, report years 2024 and 2025), and the erratum C02 (scio-2023-04-20-en)
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
-- question_zh: 就其所描述的报告年度而言，每条已公布的表述在数据上是否成立？
-- columns_zh:
--   source_key, claim_id: 表述（source_key 标识来源；见 briefing_claims.source）
--   report_year: 表述所描述的报告年度
--   source, statement, statement_zh: 公布的表述，分英文和中文（中文为本项目自己的措辞）
--   published_value, unit: 来源给出的数字
--   comparator: =、>、>=、<、<=、~（在容差内）、odd（"N-odd"，即"N多"：不少于 N 且小于 N + 容差）、all
--   computed_value: 数据给出的值（表述所述报告年度的 briefing_metrics）
--   tolerance: ~ 和 = 允许的差距；odd 的"多"区间宽度
--   holds: 公布数字是否成立（指标未知时为 false）
--   erratum: 该行记录的是来源有误的数字；单独列出，永不导致 `check` 失败
--   corrected_value: 勘误的正确数字
--   note: 如何理解该表述，或勘误中出了什么错
--   verdict: holds（成立）、fails（不成立）或 erratum（勘误）
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
