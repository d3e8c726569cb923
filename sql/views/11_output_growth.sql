-- name: output_growth
-- question: How fast does each cluster's output grow, year on year and over the three years to each report year?
-- reproduces: none per cluster (recognition criterion 1f: average growth > 10 % nationally); the batch's J06 is batch_headline.avg_output_growth_3y
-- grain: one row per cluster and report year
-- columns:
--   cluster_id, report_year: which cluster and year
--   total_output_bn_cny: output that year, billion yuan
--   yoy_growth: output / previous year's output - 1 (NULL without a report for the year before)
--   growth_from_year: report_year - 3, where the three-year window starts
--   avg_growth_3y: average annual growth over the three years from growth_from_year to report_year (three annual steps; for 2023: 2020 to 2023), (output / output in growth_from_year)^(1/3) - 1; NULL without a report for growth_from_year
--   min_output_3y_bn_cny: the smallest output of this and the two years before
-- question_zh: 各集群产值增长有多快，包括同比增速和截至各报告年度的三年增速？
-- columns_zh:
--   cluster_id, report_year: 哪个集群、哪一年度
--   total_output_bn_cny: 当年产值，十亿元
--   yoy_growth: output / previous year's output - 1（上一年无报告时为 NULL）
--   growth_from_year: report_year - 3，三年区间的起始年
--   avg_growth_3y: 从 growth_from_year 到 report_year 三年间的年均增速（三个年度增长步；2023年即2020年至2023年），(output / output in growth_from_year)^(1/3) - 1；growth_from_year 无报告时为 NULL
--   min_output_3y_bn_cny: 当年及前两年中的最小产值
CREATE OR REPLACE VIEW output_growth AS
SELECT
    cluster_id,
    report_year,
    total_output_bn_cny,
    CASE WHEN lag(report_year) OVER w = report_year - 1
         THEN total_output_bn_cny / nullif(lag(total_output_bn_cny) OVER w, 0) - 1 END AS yoy_growth,
    report_year - 3 AS growth_from_year,
    CASE WHEN lag(report_year, 3) OVER w = report_year - 3
         THEN pow(total_output_bn_cny / nullif(lag(total_output_bn_cny, 3) OVER w, 0), 1 / 3) - 1 END AS avg_growth_3y,
    CASE WHEN lag(report_year, 2) OVER w = report_year - 2
         THEN min(total_output_bn_cny) OVER (w ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) END AS min_output_3y_bn_cny
FROM cluster_reports
WINDOW w AS (PARTITION BY cluster_id ORDER BY report_year)
ORDER BY cluster_id, report_year;
