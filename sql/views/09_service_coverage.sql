-- name: service_coverage
-- question: What share of clusters have national platform services, promotion mechanisms and rights protection, by batch, region and province?
-- reproduces: C12-C14 (batch 2022, report year 2022, region and province 'all')
-- grain: one row per level, batch year, report year and group (all, a region, or a province)
-- columns:
--   level, batch_year, report_year: which clusters and which year's reports
--   grouping: 'batch', 'region' or 'province'
--   region, province: the group ('all' where not grouped by it)
--   clusters: clusters reporting
--   share_served_by_national_platform: clusters using national SME public service demonstration platforms / clusters
--   share_with_promotion_mechanism: clusters with a mechanism promoting the industry / clusters
--   share_with_rights_protection: clusters with a mechanism protecting SMEs' rights / clusters
-- question_zh: 按批次、地区和省份，获得国家级平台服务、建立促进机制和建立维权机制的集群分别占多少？
-- columns_zh:
--   level, batch_year, report_year: 哪些集群、哪一年度的报告
--   grouping: 'batch'、'region' 或 'province'（按批次、地区或省份）
--   region, province: 分组（未按其分组时为 'all'）
--   clusters: 报告集群数
--   share_served_by_national_platform: 使用国家中小企业公共服务示范平台服务的集群数 / 集群数
--   share_with_promotion_mechanism: 建立产业发展促进机制的集群数 / 集群数
--   share_with_rights_protection: 建立中小企业合法权益保护机制的集群数 / 集群数
CREATE OR REPLACE VIEW service_coverage AS
SELECT
    c.level,
    c.batch_year,
    r.report_year,
    CASE WHEN grouping(c.region) = 0 THEN 'region'
         WHEN grouping(c.province) = 0 THEN 'province'
         ELSE 'batch' END AS grouping,
    coalesce(c.region, 'all') AS region,
    coalesce(c.province, 'all') AS province,
    count(*) AS clusters,
    avg(r.served_by_national_platform::INTEGER) AS share_served_by_national_platform,
    avg(r.has_promotion_mechanism::INTEGER) AS share_with_promotion_mechanism,
    avg(r.has_rights_protection::INTEGER) AS share_with_rights_protection
FROM clusters AS c
JOIN cluster_reports AS r USING (cluster_id)
GROUP BY GROUPING SETS (
    (c.level, c.batch_year, r.report_year),
    (c.level, c.batch_year, r.report_year, c.region),
    (c.level, c.batch_year, r.report_year, c.province)
)
ORDER BY c.level, c.batch_year, r.report_year, grouping, region, province;
