-- name: batches_compared
-- question: How do the 2022 and 2023 national batches compare, each in the year it was recognized?
-- reproduces: none (C01 and C15 give the two batch sizes)
-- grain: one row per metric
-- columns:
--   metric: a column of batch_headline (all but batch_year, report_year and growth_from_year)
--   batch_2022: its value for the 2022 batch in report year 2022
--   batch_2023: its value for the 2023 batch in report year 2023
--   ratio_2023_to_2022: batch_2023 / batch_2022
-- question_zh: 2022年和2023年两个国家级批次各自在认定当年的情况对比如何？
-- columns_zh:
--   metric: batch_headline 的一列（batch_year、report_year 和 growth_from_year 除外）
--   batch_2022: 2022年批次在2022报告年度的取值
--   batch_2023: 2023年批次在2023报告年度的取值
--   ratio_2023_to_2022: batch_2023 / batch_2022
CREATE OR REPLACE VIEW batches_compared AS
WITH both_batches AS (
    FROM batch_headline(2022, 2022)
    UNION ALL
    FROM batch_headline(2023, 2023)
),
long AS (
    UNPIVOT (SELECT * EXCLUDE (report_year, growth_from_year) REPLACE (batch_year::VARCHAR AS batch_year) FROM both_batches)
    ON COLUMNS(* EXCLUDE (batch_year))::DOUBLE
    INTO NAME metric VALUE value
)
SELECT
    metric,
    max(value) FILTER (WHERE batch_year = '2022') AS batch_2022,
    max(value) FILTER (WHERE batch_year = '2023') AS batch_2023,
    max(value) FILTER (WHERE batch_year = '2023') / nullif(max(value) FILTER (WHERE batch_year = '2022'), 0) AS ratio_2023_to_2022
FROM long
GROUP BY metric
ORDER BY metric;
