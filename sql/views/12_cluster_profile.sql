-- name: cluster_profile
-- question: What does one cluster look like: place, industry, latest report, tiers, growth?
-- reproduces: none
-- grain: one row per cluster
-- columns:
--   cluster_id, name, name_en, level, batch_year, status: the cluster
--   province, region, county, county_code: where it is
--   leading_industry, sector: what it makes
--   latest_report_year: the last year it reported
--   total_output_bn_cny, leading_output_share, enterprise_count, sme_count, above_scale_count: that year's report
--   avg_growth_3y: average annual output growth over the three years to the latest report
--   manufacturing_champions, little_giants, specialized_smes, innovative_smes: roster enterprises by highest tier in the latest report year
--   chain_links: key chain links it supplies
-- question_zh: 单个集群概况如何：所在地、产业、最近一次报告、层级、增长？
-- columns_zh:
--   cluster_id, name, name_en, level, batch_year, status: 集群本身
--   province, region, county, county_code: 所在地
--   leading_industry, sector: 所属产业
--   latest_report_year: 最近一次报告的年度
--   total_output_bn_cny, leading_output_share, enterprise_count, sme_count, above_scale_count: 该年度报告的数据
--   avg_growth_3y: 截至最近一次报告的三年间年均产值增速
--   manufacturing_champions, little_giants, specialized_smes, innovative_smes: 按最近报告年度所持最高层级统计的名录企业数
--   chain_links: 其配套的产业链关键环节
CREATE OR REPLACE VIEW cluster_profile AS
WITH latest AS (
    SELECT * FROM cluster_reports
    QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY report_year DESC) = 1
),
links AS (
    SELECT cluster_id, list(link ORDER BY link) AS chain_links FROM chain_links GROUP BY cluster_id
)
SELECT
    c.cluster_id, c.name, c.name_en, c.level, c.batch_year, c.status,
    c.province, c.region, c.county, c.county_code,
    c.leading_industry, c.sector,
    l.report_year AS latest_report_year,
    l.total_output_bn_cny,
    l.leading_output_bn_cny / nullif(l.total_output_bn_cny, 0) AS leading_output_share,
    l.enterprise_count, l.sme_count, l.above_scale_count,
    g.avg_growth_3y,
    t.manufacturing_champions, t.little_giants, t.specialized_smes, t.innovative_smes,
    coalesce(k.chain_links, []) AS chain_links
FROM clusters AS c
LEFT JOIN latest AS l USING (cluster_id)
LEFT JOIN output_growth AS g ON g.cluster_id = c.cluster_id AND g.report_year = l.report_year
LEFT JOIN cluster_tiers AS t ON t.cluster_id = c.cluster_id AND t.report_year = l.report_year
LEFT JOIN links AS k ON k.cluster_id = c.cluster_id
ORDER BY c.cluster_id;
