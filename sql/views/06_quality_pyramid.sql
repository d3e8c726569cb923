-- name: quality_pyramid
-- question: How are quality SMEs spread over the four tiers, by batch, report year and province?
-- reproduces: C04-C07 (batch 2022, report year 2022, province 'all'); J03-J04 (report year 2023)
-- grain: one row per level, batch year, report year, province (or 'all') and tier
-- columns:
--   level, batch_year: which clusters
--   report_year: the year: each enterprise counts with the highest tier awarded by then, if it is on the roster that year
--   province: the province, or 'all' for the batch as a whole
--   tier: innovative_sme < specialized_sme < little_giant < manufacturing_champion
--   tier_rank: 1 (base of the pyramid) to 4 (top)
--   enterprises: roster enterprises whose highest tier this is
--   share_of_quality_smes: enterprises / all quality SMEs of the same group
-- question_zh: 按批次、报告年度和省份，优质中小企业在四个层级中如何分布？
-- columns_zh:
--   level, batch_year: 哪些集群
--   report_year: 年度：每家企业若当年在名录中，即按截至该年所获最高层级计数
--   province: 省份，或 'all' 表示整个批次
--   tier: innovative_sme（创新型中小企业）< specialized_sme（专精特新中小企业）< little_giant（专精特新"小巨人"企业）< manufacturing_champion（制造业单项冠军企业）
--   tier_rank: 1（金字塔底层）至 4（顶层）
--   enterprises: 最高层级为该层级的名录企业数
--   share_of_quality_smes: enterprises / 同组全部优质中小企业数
CREATE OR REPLACE VIEW quality_pyramid AS
WITH by_tier AS (
    UNPIVOT (
        SELECT c.level, c.batch_year, t.report_year, c.province,
               t.innovative_smes AS innovative_sme, t.specialized_smes AS specialized_sme,
               t.little_giants AS little_giant, t.manufacturing_champions AS manufacturing_champion
        FROM cluster_tiers AS t JOIN clusters AS c USING (cluster_id)
    )
    ON innovative_sme, specialized_sme, little_giant, manufacturing_champion
    INTO NAME tier VALUE enterprises
),
counted AS (
    SELECT level, batch_year, report_year, coalesce(province, 'all') AS province, tier, sum(enterprises) AS enterprises
    FROM by_tier
    GROUP BY GROUPING SETS ((level, batch_year, report_year, province, tier), (level, batch_year, report_year, tier))
    HAVING sum(enterprises) > 0
)
SELECT
    level,
    batch_year,
    report_year,
    province,
    tier,
    CASE tier WHEN 'innovative_sme' THEN 1 WHEN 'specialized_sme' THEN 2
              WHEN 'little_giant' THEN 3 ELSE 4 END AS tier_rank,
    enterprises,
    enterprises / sum(enterprises) OVER (PARTITION BY level, batch_year, report_year, province) AS share_of_quality_smes
FROM counted
ORDER BY level, batch_year, report_year, province = 'all' DESC, province, tier_rank;
