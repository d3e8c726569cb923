-- name: leading_industry_share
-- question: How much of each cluster's output comes from its leading industry, and is that industry a county pillar?
-- reproduces: C10, C11 (summed over the 2022 batch in 2022: see briefing_headline)
-- grain: one row per cluster and report year
-- columns:
--   cluster_id, name, level, batch_year, report_year: which cluster and year
--   leading_industry: the cluster's leading industry
--   total_output_bn_cny, leading_output_bn_cny: output, billion yuan
--   leading_output_share: leading / total output
--   is_county_pillar: whether the leading industry is the county's pillar industry
--   above_national_threshold: whether the share exceeds the national criterion (> 70 %)
-- question_zh: 各集群产值中有多少来自其主导产业？该产业是否为县域支柱产业？
-- columns_zh:
--   cluster_id, name, level, batch_year, report_year: 哪个集群、哪一年度
--   leading_industry: 集群的主导产业
--   total_output_bn_cny, leading_output_bn_cny: 产值，十亿元
--   leading_output_share: 主导产业产值 / 总产值
--   is_county_pillar: 主导产业是否为所在县的支柱产业
--   above_national_threshold: 该占比是否超过国家级认定标准（> 70 %）
CREATE OR REPLACE VIEW leading_industry_share AS
SELECT
    c.cluster_id,
    c.name,
    c.level,
    c.batch_year,
    r.report_year,
    c.leading_industry,
    r.total_output_bn_cny,
    r.leading_output_bn_cny,
    r.leading_output_bn_cny / nullif(r.total_output_bn_cny, 0) AS leading_output_share,
    r.is_county_pillar,
    r.leading_output_bn_cny / nullif(r.total_output_bn_cny, 0) > 0.70 AS above_national_threshold
FROM clusters AS c
JOIN cluster_reports AS r USING (cluster_id)
ORDER BY c.cluster_id, r.report_year;
