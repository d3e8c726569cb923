-- name: data_consistency
-- question: Where do the data contradict themselves? (empty when consistent)
-- reproduces: none
-- grain: one row per problem found
-- columns:
--   check_name: which rule is broken
--   cluster_id: the cluster concerned (NULL when not about one cluster)
--   report_year: the report concerned (NULL when not about one report)
--   detail: what was found
-- question_zh: 数据在哪些地方自相矛盾？（数据一致时为空）
-- columns_zh:
--   check_name: 违反了哪条规则
--   cluster_id: 涉及的集群（与单个集群无关时为 NULL）
--   report_year: 涉及的报告（与单份报告无关时为 NULL）
--   detail: 发现的情况
-- rules:
--   roster_counts: a report's enterprise, SME or above-scale count differs from the roster's members that year (every report year)
--   honor_not_on_roster: an honor for an enterprise missing from enterprises
--   leading_above_total, sme_above_total: leading or SME output exceeds total output
--   share_out_of_range: a rate outside 0..1
--   no_reports: a cluster without any report
--   orphan_report: a report for an unknown cluster
CREATE OR REPLACE VIEW data_consistency AS
SELECT 'roster_counts' AS check_name, r.cluster_id, r.report_year,
       printf('report says %d enterprises, %d SMEs, %d above scale; roster has %d, %d, %d',
              r.enterprise_count, r.sme_count, r.above_scale_count, t.enterprises, t.smes, t.above_scale) AS detail
FROM cluster_reports AS r
JOIN cluster_tiers AS t USING (cluster_id, report_year)
WHERE r.enterprise_count <> t.enterprises OR r.sme_count <> t.smes OR r.above_scale_count <> t.above_scale
UNION ALL
SELECT 'honor_not_on_roster', NULL, NULL, printf('%s holds %s but is not in enterprises', h.enterprise_id, h.tier)
FROM enterprise_honors AS h ANTI JOIN enterprises AS e USING (enterprise_id)
UNION ALL
SELECT 'leading_above_total', cluster_id, report_year,
       printf('leading output %.3f > total output %.3f', leading_output_bn_cny, total_output_bn_cny)
FROM cluster_reports WHERE leading_output_bn_cny > total_output_bn_cny
UNION ALL
SELECT 'sme_above_total', cluster_id, report_year,
       printf('SME output %.3f > total output %.3f', sme_output_bn_cny, total_output_bn_cny)
FROM cluster_reports WHERE sme_output_bn_cny > total_output_bn_cny
UNION ALL
SELECT 'share_out_of_range', cluster_id, report_year,
       printf('industrial_internet_rate %s', industrial_internet_rate)
FROM cluster_reports WHERE industrial_internet_rate NOT BETWEEN 0 AND 1
UNION ALL
SELECT 'no_reports', c.cluster_id, NULL, 'the cluster has no annual report'
FROM clusters AS c ANTI JOIN cluster_reports AS r USING (cluster_id)
UNION ALL
SELECT 'orphan_report', r.cluster_id, r.report_year, 'report for a cluster not in clusters'
FROM cluster_reports AS r ANTI JOIN clusters AS c USING (cluster_id)
ORDER BY check_name, cluster_id, report_year;
