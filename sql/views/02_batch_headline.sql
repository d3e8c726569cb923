-- name: batch_headline
-- question: What are the briefing's headline figures for any batch and report year? (table macro: batch_headline(batch_year, report_year), or batch_headline(batch_year, report_year, active_only := true) for the clusters still recognized, such as the 2022 batch after its 2025 review)
-- reproduces: C01-C08, C10-C14 for batch_headline(2022, 2022); J01-J06 for batch_headline(2022, 2023)
-- grain: one row
-- columns:
--   batch_year, report_year: the arguments
--   clusters: national clusters recognized in the batch (with active_only, those whose recognition holds: status active)
--   enterprises: enterprises the batch's clusters reported that year (sum of enterprise_count, equal to the roster)
--   smes: SMEs they reported (sum of sme_count)
--   total_output_bn_cny: their total output that year, billion yuan
--   leading_output_share: leading-industry output / total output
--   manufacturing_champions, little_giants, specialized_smes, innovative_smes: roster enterprises (of the clusters reporting that year) by highest tier held that year
--   quality_smes: the four tiers together
--   quality_share_of_enterprises: quality_smes / enterprises (the claims' reading: 集群企业总数, all the clusters' enterprises)
--   above_scale: enterprises above designated size they reported (context)
--   quality_share_of_smes: quality_smes / smes (context)
--   quality_share_of_above_scale: quality_smes / above_scale (context)
--   growth_from_year: report_year - 3, the start of the growth window
--   output_growth_base_bn_cny: output in growth_from_year of the batch's clusters that reported in both years
--   avg_output_growth_3y: average annual output growth over the three years from growth_from_year to report_year (for 2023: 2020 to 2023), (their output in report_year / their output in growth_from_year)^(1/3) - 1, over the clusters that reported in both years
--   share_leading_industry_is_pillar: clusters whose leading industry is a county pillar / clusters reporting
--   share_served_by_national_platform, share_with_promotion_mechanism, share_with_rights_protection: clusters with the flag / clusters reporting
-- question_zh: 任一批次在任一报告年度的新闻发布会主要数据是多少？（表宏：batch_headline(batch_year, report_year)；batch_headline(batch_year, report_year, active_only := true) 只计仍有效的集群，例如 2025 年复核后的 2022 年度批次）
-- columns_zh:
--   batch_year, report_year: 宏的参数
--   clusters: 该批次认定的国家级集群数（active_only 时为认定仍有效、status 为 active 的集群数）
--   enterprises: 该批次集群当年报告的企业数（enterprise_count 之和，与名录一致）
--   smes: 其报告的中小企业数（sme_count 之和）
--   total_output_bn_cny: 其当年总产值，十亿元
--   leading_output_share: 主导产业产值 / 总产值
--   manufacturing_champions, little_giants, specialized_smes, innovative_smes: 按当年所持最高层级统计的名录企业数（限当年报告的集群）
--   quality_smes: 四个层级合计
--   quality_share_of_enterprises: quality_smes / enterprises（表述的口径：集群企业总数，即集群全部企业）
--   above_scale: 其报告的规模以上企业数（参考）
--   quality_share_of_smes: quality_smes / smes（参考）
--   quality_share_of_above_scale: quality_smes / above_scale（参考）
--   growth_from_year: report_year - 3，增长区间的起始年
--   output_growth_base_bn_cny: 该批次中两个年度均有报告的集群在 growth_from_year 的产值
--   avg_output_growth_3y: 从 growth_from_year 到 report_year 三年间的年均产值增速（2023年即2020年至2023年），(其 report_year 产值 / 其 growth_from_year 产值)^(1/3) - 1，范围为两个年度均有报告的集群
--   share_leading_industry_is_pillar: 主导产业为县域支柱产业的集群数 / 报告集群数
--   share_served_by_national_platform, share_with_promotion_mechanism, share_with_rights_protection: 具有相应标志的集群数 / 报告集群数
CREATE OR REPLACE MACRO batch_headline(wanted_batch, wanted_year, active_only := false) AS TABLE
WITH batch AS (
    -- A revoked cluster keeps its reports, so the batch as recognized counts it in every year;
    -- active_only leaves it out (a review's survivors).
    SELECT cluster_id FROM clusters
    WHERE level = 'national' AND batch_year = wanted_batch AND (NOT active_only OR status = 'active')
),
reports AS (
    SELECT r.* FROM cluster_reports AS r SEMI JOIN batch USING (cluster_id) WHERE r.report_year = wanted_year
),
tiers AS (
    -- The roster of the clusters that reported that year, so that counts and shares share one base.
    SELECT t.* FROM cluster_tiers AS t SEMI JOIN reports USING (cluster_id) WHERE t.report_year = wanted_year
),
paired AS (
    -- The growth window: clusters of the batch that reported in both years.
    SELECT sum(r.total_output_bn_cny) AS now_output, sum(b.total_output_bn_cny) AS base_output
    FROM reports AS r
    JOIN cluster_reports AS b ON b.cluster_id = r.cluster_id AND b.report_year = wanted_year - 3
),
report_sums AS (
    SELECT
        sum(enterprise_count) AS enterprises,
        sum(sme_count) AS smes,
        sum(total_output_bn_cny) AS total_output_bn_cny,
        sum(leading_output_bn_cny) / nullif(sum(total_output_bn_cny), 0) AS leading_output_share,
        sum(above_scale_count) AS above_scale,
        avg(is_county_pillar::INTEGER) AS share_leading_industry_is_pillar,
        avg(served_by_national_platform::INTEGER) AS share_served_by_national_platform,
        avg(has_promotion_mechanism::INTEGER) AS share_with_promotion_mechanism,
        avg(has_rights_protection::INTEGER) AS share_with_rights_protection
    FROM reports
),
tier_sums AS (
    SELECT
        sum(manufacturing_champions) AS manufacturing_champions,
        sum(little_giants) AS little_giants,
        sum(specialized_smes) AS specialized_smes,
        sum(innovative_smes) AS innovative_smes,
        sum(quality_smes) AS quality_smes
    FROM tiers
)
SELECT
    wanted_batch AS batch_year,
    wanted_year AS report_year,
    (SELECT count(*) FROM batch) AS clusters,
    r.enterprises,
    r.smes,
    round(r.total_output_bn_cny, 3) AS total_output_bn_cny,
    r.leading_output_share,
    t.manufacturing_champions,
    t.little_giants,
    t.specialized_smes,
    t.innovative_smes,
    t.quality_smes,
    t.quality_smes / nullif(r.enterprises, 0) AS quality_share_of_enterprises,
    r.above_scale,
    t.quality_smes / nullif(r.smes, 0) AS quality_share_of_smes,
    t.quality_smes / nullif(r.above_scale, 0) AS quality_share_of_above_scale,
    wanted_year - 3 AS growth_from_year,
    round(g.base_output, 3) AS output_growth_base_bn_cny,
    pow(g.now_output / nullif(g.base_output, 0), 1 / 3) - 1 AS avg_output_growth_3y,
    r.share_leading_industry_is_pillar,
    r.share_served_by_national_platform,
    r.share_with_promotion_mechanism,
    r.share_with_rights_protection
FROM report_sums AS r, tier_sums AS t, paired AS g;
