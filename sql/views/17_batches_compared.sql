-- name: batches_compared
-- question: How do the four national batches compare, each in the year it was recognized, and the 2022 batch's survivors of its 2025 review?
-- reproduces: none (C01, C15, R01 and R02 give the batch sizes; R03 the survivors)
-- grain: one row per metric
-- columns:
--   metric: a column of batch_headline (all but batch_year, report_year and growth_from_year)
--   batch_2022: its value for the 2022 batch in report year 2022
--   batch_2023: its value for the 2023 batch in report year 2023
--   batch_2024: its value for the 2024 batch in report year 2024
--   batch_2025: its value for the 2025 batch in report year 2025
--   batch_2022_reviewed: its value for the 2022 batch's clusters that passed the 2025 review (status active), in report year 2025, beside the batch recognized that year
-- question_zh: 四个国家级批次各自在认定当年的情况对比如何？2022 年度批次中通过 2025 年复核的集群又如何？
-- columns_zh:
--   metric: batch_headline 的一列（batch_year、report_year 和 growth_from_year 除外）
--   batch_2022: 2022年批次在2022报告年度的取值
--   batch_2023: 2023年批次在2023报告年度的取值
--   batch_2024: 2024年批次在2024报告年度的取值
--   batch_2025: 2025年批次在2025报告年度的取值
--   batch_2022_reviewed: 2022年批次中通过2025年复核（status 为 active）的集群在2025报告年度的取值，与当年认定的批次并列
CREATE OR REPLACE VIEW batches_compared AS
WITH batches AS (
    -- Each batch in its recognition year; the survivors in the year of the review, which
    -- puts them beside the batch recognized that year.
    SELECT 'batch_2022' AS series, * FROM batch_headline(2022, 2022)
    UNION ALL
    SELECT 'batch_2023', * FROM batch_headline(2023, 2023)
    UNION ALL
    SELECT 'batch_2024', * FROM batch_headline(2024, 2024)
    UNION ALL
    SELECT 'batch_2025', * FROM batch_headline(2025, 2025)
    UNION ALL
    SELECT 'batch_2022_reviewed', * FROM batch_headline(2022, 2025, active_only := true)
),
long AS (
    UNPIVOT (SELECT * EXCLUDE (batch_year, report_year, growth_from_year) FROM batches)
    ON COLUMNS(* EXCLUDE (series))::DOUBLE
    INTO NAME metric VALUE value
)
SELECT
    metric,
    max(value) FILTER (WHERE series = 'batch_2022') AS batch_2022,
    max(value) FILTER (WHERE series = 'batch_2023') AS batch_2023,
    max(value) FILTER (WHERE series = 'batch_2024') AS batch_2024,
    max(value) FILTER (WHERE series = 'batch_2025') AS batch_2025,
    max(value) FILTER (WHERE series = 'batch_2022_reviewed') AS batch_2022_reviewed
FROM long
GROUP BY metric
ORDER BY metric;
