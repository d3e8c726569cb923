-- name: recognition_event_study
-- question: How do the outcomes of the national clusters move in the years around their recognition, batch by batch?
-- reproduces: none (the event-study table of a staggered design: one line per batch over years since recognition)
-- grain: one row per batch year, year since recognition and outcome
-- columns:
--   batch_year: the national batch
--   years_since_recognition: report_year - batch_year (negative before recognition)
--   report_year: the report year these rows describe (batch_year + years_since_recognition)
--   outcome: the recognition_panel column averaged: total_output_bn_cny, leading_output_share, sme_count, quality_smes, sme_rd_bn_cny, export_bn_cny, industrial_internet_rate
--   clusters: clusters of the batch with a value of the outcome that year
--   mean_value: the outcome's mean over those clusters
--   mean_growth: the mean over clusters of the outcome's year-on-year growth (value / the cluster's value a year before - 1); NULL where no cluster has a report for the year before or its value was 0
-- question_zh: 各批次国家级集群的结果变量在认定前后各年如何变化？
-- columns_zh:
--   batch_year: 国家级批次
--   years_since_recognition: report_year - batch_year（认定前为负）
--   report_year: 这些行所描述的报告年度（batch_year + years_since_recognition）
--   outcome: 求平均的 recognition_panel 列：total_output_bn_cny、leading_output_share、sme_count、quality_smes、sme_rd_bn_cny、export_bn_cny、industrial_internet_rate
--   clusters: 该批次当年有该变量数值的集群数
--   mean_value: 这些集群该变量的平均值
--   mean_growth: 各集群该变量同比增速（本年值 / 上年值 - 1）的平均；没有集群有上年报告或上年值为 0 时为 NULL
CREATE OR REPLACE VIEW recognition_event_study AS
WITH long AS (
    UNPIVOT (
        SELECT cluster_id, batch_year, report_year, years_since_recognition,
               total_output_bn_cny, leading_output_share, sme_count::DOUBLE AS sme_count,
               quality_smes::DOUBLE AS quality_smes, sme_rd_bn_cny, export_bn_cny, industrial_internet_rate
        FROM recognition_panel
    )
    ON total_output_bn_cny, leading_output_share, sme_count, quality_smes, sme_rd_bn_cny, export_bn_cny, industrial_internet_rate
    INTO NAME outcome VALUE value
),
grown AS (
    SELECT
        *,
        CASE WHEN lag(report_year) OVER w = report_year - 1
             THEN value / nullif(lag(value) OVER w, 0) - 1 END AS growth
    FROM long
    WINDOW w AS (PARTITION BY cluster_id, outcome ORDER BY report_year)
)
SELECT
    batch_year,
    years_since_recognition,
    any_value(report_year) AS report_year,
    outcome,
    count(value) AS clusters,
    avg(value) AS mean_value,
    avg(growth) AS mean_growth
FROM grown
GROUP BY batch_year, years_since_recognition, outcome
ORDER BY batch_year, years_since_recognition,
         list_position(['total_output_bn_cny', 'leading_output_share', 'sme_count', 'quality_smes',
                        'sme_rd_bn_cny', 'export_bn_cny', 'industrial_internet_rate'], outcome);
