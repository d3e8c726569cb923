-- The recognition panel for Stata: one row per national cluster and report year,
-- with its batch (the cohort), years since recognition, the logarithm of output
-- that growth regressions use and the other outcomes. Labels follow --lang.
-- Run with: clusterql --lang zh -f examples/recognition_panel.sql -o panel.dta
SELECT
    cluster_id,
    report_year,
    province,
    sector,
    batch_year,
    years_since_recognition,
    recognized,
    total_output_bn_cny,
    log_output,
    leading_output_share,
    sme_count,
    quality_smes,
    sme_rd_bn_cny,
    export_bn_cny,
    industrial_internet_rate
FROM recognition_panel
ORDER BY cluster_id, report_year;
