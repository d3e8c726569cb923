-- name: batch_headline
-- question: What are the briefing's headline figures for any batch and report year? (table macro: batch_headline(batch_year, report_year))
-- reproduces: C01-C08, C10-C14 for batch_headline(2022, 2022)
-- grain: one row
-- columns:
--   batch_year, report_year: the arguments
--   clusters: national clusters recognized in the batch
--   smes: SMEs the batch's clusters reported (sum of sme_count)
--   total_output_bn_cny: their total output, billion yuan
--   leading_output_share: leading-industry output / total output
--   manufacturing_champions, little_giants, specialized_smes, innovative_smes: roster enterprises by highest tier
--   quality_smes: the four tiers together
--   above_scale: enterprises above designated size the clusters reported
--   quality_share_of_above_scale: quality_smes / above_scale (the reading of "over 20 %" the claim uses)
--   quality_share_of_smes: quality_smes / smes (the literal reading, about 2.4 %)
--   share_leading_industry_is_pillar: clusters whose leading industry is a county pillar / clusters
--   share_served_by_national_platform, share_with_promotion_mechanism, share_with_rights_protection: clusters with the flag / clusters reporting
CREATE OR REPLACE MACRO batch_headline(wanted_batch, wanted_year) AS TABLE
WITH batch AS (
    SELECT cluster_id FROM clusters WHERE level = 'national' AND batch_year = wanted_batch
),
reports AS (
    SELECT r.* FROM cluster_reports AS r SEMI JOIN batch USING (cluster_id) WHERE r.report_year = wanted_year
),
tiers AS (
    SELECT t.* FROM cluster_tiers AS t SEMI JOIN batch USING (cluster_id)
),
report_sums AS (
    SELECT
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
    r.smes,
    round(r.total_output_bn_cny, 3) AS total_output_bn_cny,
    r.leading_output_share,
    t.manufacturing_champions,
    t.little_giants,
    t.specialized_smes,
    t.innovative_smes,
    t.quality_smes,
    r.above_scale,
    t.quality_smes / nullif(r.above_scale, 0) AS quality_share_of_above_scale,
    t.quality_smes / nullif(r.smes, 0) AS quality_share_of_smes,
    r.share_leading_industry_is_pillar,
    r.share_served_by_national_platform,
    r.share_with_promotion_mechanism,
    r.share_with_rights_protection
FROM report_sums AS r, tier_sums AS t;
