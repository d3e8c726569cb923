-- name: output_growth
-- question: How fast does each cluster's output grow, year on year and over three years?
-- reproduces: none (recognition criterion 1: average growth > 10 % nationally)
-- grain: one row per cluster and report year
-- columns:
--   cluster_id, report_year: which cluster and year
--   total_output_bn_cny: output that year, billion yuan
--   yoy_growth: output / previous year's output - 1 (NULL without a report for the year before)
--   avg_growth_3y: average annual growth over the last three years, (output / output three years before)^(1/3) - 1
--   min_output_3y_bn_cny: the smallest output of this and the two years before
CREATE OR REPLACE VIEW output_growth AS
SELECT
    cluster_id,
    report_year,
    total_output_bn_cny,
    CASE WHEN lag(report_year) OVER w = report_year - 1
         THEN total_output_bn_cny / nullif(lag(total_output_bn_cny) OVER w, 0) - 1 END AS yoy_growth,
    CASE WHEN lag(report_year, 3) OVER w = report_year - 3
         THEN pow(total_output_bn_cny / nullif(lag(total_output_bn_cny, 3) OVER w, 0), 1 / 3) - 1 END AS avg_growth_3y,
    CASE WHEN lag(report_year, 2) OVER w = report_year - 2
         THEN min(total_output_bn_cny) OVER (w ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) END AS min_output_3y_bn_cny
FROM cluster_reports
WINDOW w AS (PARTITION BY cluster_id ORDER BY report_year)
ORDER BY cluster_id, report_year;
