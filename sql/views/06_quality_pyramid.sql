-- name: quality_pyramid
-- question: How are quality SMEs spread over the four tiers, by batch and province?
-- reproduces: C04-C07 (the batch 2022 rows, province 'all')
-- grain: one row per level, batch year, province (or 'all') and tier
-- columns:
--   level, batch_year: which clusters
--   province: the province, or 'all' for the batch as a whole
--   tier: innovative_sme < specialized_sme < little_giant < manufacturing_champion
--   tier_rank: 1 (base of the pyramid) to 4 (top)
--   enterprises: roster enterprises whose highest tier this is
--   share_of_quality_smes: enterprises / all quality SMEs of the same group
CREATE OR REPLACE VIEW quality_pyramid AS
WITH tiered AS (
    SELECT c.level, c.batch_year, c.province, h.tier
    FROM enterprise_honors AS h
    JOIN enterprises AS e USING (enterprise_id)
    JOIN clusters AS c USING (cluster_id)
),
counted AS (
    SELECT level, batch_year, coalesce(province, 'all') AS province, tier, count(*) AS enterprises
    FROM tiered
    GROUP BY GROUPING SETS ((level, batch_year, province, tier), (level, batch_year, tier))
)
SELECT
    level,
    batch_year,
    province,
    tier,
    CASE tier WHEN 'innovative_sme' THEN 1 WHEN 'specialized_sme' THEN 2
              WHEN 'little_giant' THEN 3 ELSE 4 END AS tier_rank,
    enterprises,
    enterprises / sum(enterprises) OVER (PARTITION BY level, batch_year, province) AS share_of_quality_smes
FROM counted
ORDER BY level, batch_year, province = 'all' DESC, province, tier_rank;
