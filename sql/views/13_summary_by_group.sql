-- name: summary_by_group
-- question: How do provinces, regions and sectors compare in clusters, output, SMEs and quality SMEs? (table macro: summary_by_group(grouping, report_year) with grouping 'province', 'region' or 'sector')
-- reproduces: none
-- grain: one row per level and group value
-- columns:
--   level: national or provincial
--   group_value: the province, region or sector
--   clusters: clusters in the group
--   total_output_bn_cny: their output in the report year, billion yuan
--   leading_output_share: leading-industry output / total output
--   sme_count: SMEs they reported
--   quality_smes: roster enterprises holding any tier in the report year
--   output_per_cluster_bn_cny: total_output_bn_cny / clusters
-- question_zh: 各省份、地区和行业领域在集群数、产值、中小企业和优质中小企业方面对比如何？（表宏：summary_by_group(grouping, report_year)，grouping 取 'province'、'region' 或 'sector'）
-- columns_zh:
--   level: 国家级或省级
--   group_value: 省份、地区或行业领域
--   clusters: 组内集群数
--   total_output_bn_cny: 其在报告年度的产值，十亿元
--   leading_output_share: 主导产业产值 / 总产值
--   sme_count: 其报告的中小企业数
--   quality_smes: 报告年度持有任一层级的名录企业数
--   output_per_cluster_bn_cny: total_output_bn_cny / clusters
CREATE OR REPLACE MACRO summary_by_group(grouping_column, wanted_year) AS TABLE
SELECT
    c.level,
    CASE grouping_column WHEN 'province' THEN c.province WHEN 'region' THEN c.region ELSE c.sector END AS group_value,
    count(*) AS clusters,
    round(sum(r.total_output_bn_cny), 3) AS total_output_bn_cny,
    sum(r.leading_output_bn_cny) / nullif(sum(r.total_output_bn_cny), 0) AS leading_output_share,
    sum(r.sme_count) AS sme_count,
    sum(t.quality_smes) AS quality_smes,
    round(sum(r.total_output_bn_cny) / count(*), 3) AS output_per_cluster_bn_cny
FROM clusters AS c
JOIN cluster_reports AS r ON r.cluster_id = c.cluster_id AND r.report_year = wanted_year
LEFT JOIN cluster_tiers AS t ON t.cluster_id = c.cluster_id AND t.report_year = wanted_year
GROUP BY ALL
ORDER BY c.level, total_output_bn_cny DESC;
