-- name: batch_headline
-- question: What are the briefing's headline figures for any batch and report year? (table macro: batch_headline(batch_year, report_year))
-- reproduces: C01-C08, C10-C14 for batch_headline(2022, 2022); J01-J06 for batch_headline(2022, 2023)
-- grain: one row
-- columns:
--   batch_year, report_year: the arguments
--   clusters: national clusters recognized in the batch
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
CREATE OR REPLACE MACRO batch_headline(wanted_batch, wanted_year) AS TABLE
WITH batch AS (
    SELECT cluster_id FROM clusters WHERE level = 'national' AND batch_year = wanted_batch
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
