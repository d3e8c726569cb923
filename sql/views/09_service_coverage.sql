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
