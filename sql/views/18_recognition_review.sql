-- name: recognition_review
-- question: Does each cluster still meet each recognition criterion, against the national and the provincial thresholds, in its latest report?
-- reproduces: none (the review that dynamic management calls for)
-- grain: one row per cluster, threshold level (national or provincial) and criterion
-- columns:
--   cluster_id, cluster_level: the cluster and its own recognition level
--   report_year: the latest report year, which the review reads
--   threshold_level: whose thresholds: national or provincial
--   criterion_id, indicator_group, description: the criterion (group 2's 2a and 2b are alternatives)
--   metric, comparator, threshold, unit: the test
--   value: the cluster's value of the metric (NULL when the data cannot tell)
--   passes: whether value comparator threshold holds (NULL when value is NULL)
-- question_zh: 按最近一次报告，各集群对照国家级和省级门槛，是否仍满足各项认定指标？
-- columns_zh:
--   cluster_id, cluster_level: 集群及其自身的认定级别
--   report_year: 审查所依据的最近报告年度
--   threshold_level: 采用哪一级门槛：国家级或省级
--   criterion_id, indicator_group, description: 认定指标（第2类的 2a 与 2b 为二选一）
--   metric, comparator, threshold, unit: 检验内容
--   value: 集群在该指标上的值（数据无法判断时为 NULL）
--   passes: value comparator threshold 是否成立（value 为 NULL 时为 NULL）
CREATE OR REPLACE VIEW recognition_review AS
WITH latest AS (
    SELECT * FROM cluster_reports
    QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY report_year DESC) = 1
),
rd_before AS (
    SELECT r.cluster_id, r.sme_rd_bn_cny
    FROM cluster_reports AS r JOIN latest AS l ON l.cluster_id = r.cluster_id AND r.report_year = l.report_year - 3
),
leading_tiers AS (
    SELECT t.cluster_id,
           t.top_tiers_in_leading AS top_tiers,
           t.quality_in_leading - t.top_tiers_in_leading AS lower_tiers
    FROM cluster_tiers AS t JOIN latest AS l ON l.cluster_id = t.cluster_id AND t.report_year = l.report_year
),
metrics AS (
    SELECT
        c.cluster_id,
        c.level AS cluster_level,
        l.report_year,
        l.is_county_pillar::INTEGER::DOUBLE AS is_county_pillar,
        c.area_km2::DOUBLE AS area_km2,
        g.min_output_3y_bn_cny::DOUBLE AS min_output_3y_bn_cny,
        (l.sme_output_bn_cny / nullif(l.total_output_bn_cny, 0))::DOUBLE AS sme_output_share,
        (l.leading_output_bn_cny / nullif(l.total_output_bn_cny, 0))::DOUBLE AS leading_output_share,
        g.avg_growth_3y::DOUBLE AS avg_output_growth_3y,
        coalesce(t.top_tiers, 0)::DOUBLE AS champions_and_giants_in_leading,
        coalesce(t.lower_tiers, 0)::DOUBLE AS specialized_and_innovative_in_leading,
        (pow(l.sme_rd_bn_cny / nullif(b.sme_rd_bn_cny, 0), 1 / 3) - 1)::DOUBLE AS sme_rd_growth_3y,
        l.industrial_internet_rate::DOUBLE AS industrial_internet_rate,
        l.has_promotion_mechanism::INTEGER::DOUBLE AS has_promotion_mechanism
    FROM clusters AS c
    JOIN latest AS l USING (cluster_id)
    LEFT JOIN output_growth AS g ON g.cluster_id = c.cluster_id AND g.report_year = l.report_year
    LEFT JOIN leading_tiers AS t ON t.cluster_id = c.cluster_id
    LEFT JOIN rd_before AS b ON b.cluster_id = c.cluster_id
),
long AS (
    UNPIVOT metrics ON COLUMNS(* EXCLUDE (cluster_id, cluster_level, report_year)) INTO NAME metric VALUE value
)
SELECT
    m.cluster_id,
    m.cluster_level,
    m.report_year,
    k.level AS threshold_level,
    k.criterion_id,
    k.indicator_group,
    k.description,
    k.metric,
    k.comparator,
    k.threshold,
    k.unit,
    m.value,
    CASE k.comparator
        WHEN '>' THEN m.value > k.threshold
        WHEN '>=' THEN m.value >= k.threshold
        WHEN '<' THEN m.value < k.threshold
        WHEN '<=' THEN m.value <= k.threshold
        WHEN '=' THEN m.value = k.threshold
    END AS passes
FROM recognition_criteria AS k
JOIN long AS m USING (metric)
ORDER BY m.cluster_id, threshold_level, k.criterion_id;
