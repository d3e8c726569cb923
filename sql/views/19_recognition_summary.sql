-- name: recognition_summary
-- question: Which clusters pass the recognition review, and which criteria does each fail?
-- reproduces: none
-- grain: one row per cluster and threshold level
-- columns:
--   cluster_id, cluster_level, report_year, threshold_level: as in recognition_review
--   criteria: criterion groups checked (2a and 2b count as one, passed if either passes)
--   failed: criterion ids that fail (for group 2, listed only when both alternatives fail)
--   passes_all: whether none fails
-- question_zh: 哪些集群通过认定审查？各集群未通过哪些指标？
-- columns_zh:
--   cluster_id, cluster_level, report_year, threshold_level: 含义与 recognition_review 中相同
--   criteria: 所检查的指标类别数（2a 与 2b 算作一项，任一通过即视为通过）
--   failed: 未通过的指标编号（第2类仅在两个备选指标均未通过时列出）
--   passes_all: 是否没有任何指标未通过
CREATE OR REPLACE VIEW recognition_summary AS
WITH grouped AS (
    SELECT
        cluster_id, cluster_level, report_year, threshold_level,
        regexp_extract(criterion_id, '^[0-9]+') || CASE WHEN criterion_id LIKE '2%' THEN '' ELSE criterion_id[2:] END AS criterion_group,
        bool_or(coalesce(passes, false)) AS group_passes,
        string_agg(criterion_id, '/' ORDER BY criterion_id) AS ids
    FROM recognition_review
    GROUP BY ALL
)
SELECT
    cluster_id, cluster_level, report_year, threshold_level,
    count(*) AS criteria,
    coalesce(list(ids ORDER BY ids) FILTER (WHERE NOT group_passes), []) AS failed,
    bool_and(group_passes) AS passes_all
FROM grouped
GROUP BY ALL
ORDER BY cluster_id, threshold_level;
