-- name: cluster_tiers
-- question: How many enterprises, SMEs and quality SMEs of each tier does each cluster's roster hold in each report year?
-- reproduces: base of C02, C04-C08, J01, J03-J05
-- grain: one row per cluster and report year (the years of cluster_reports)
-- columns:
--   cluster_id, report_year: the cluster and the year
--   enterprises: roster enterprises on the cluster's report that year (joined_year <= report_year < left_year)
--   smes: those that are not large
--   above_scale: those above designated size (revenue >= 20 mn yuan)
--   manufacturing_champions: enterprises whose highest tier awarded by that year is manufacturing individual champion
--   little_giants: enterprises whose highest tier awarded by that year is specialized and sophisticated little giant
--   specialized_smes: enterprises whose highest tier awarded by that year is specialized and sophisticated SME
--   innovative_smes: enterprises whose highest tier awarded by that year is innovative SME
--   quality_smes: enterprises holding any of the four tiers that year
--   quality_in_leading: quality SMEs in the cluster's leading industry
--   top_tiers_in_leading: champions and little giants in the leading industry
-- question_zh: 每个集群的企业名录在各报告年度有多少家企业、中小企业和各层级的优质中小企业？
-- columns_zh:
--   cluster_id, report_year: 集群及年度
--   enterprises: 当年列入该集群报告名录的企业数（joined_year <= report_year < left_year）
--   smes: 其中非大型企业的数量
--   above_scale: 其中规模以上企业的数量（营业收入 >= 2000万元）
--   manufacturing_champions: 截至当年所获最高层级为制造业单项冠军企业的企业数
--   little_giants: 截至当年所获最高层级为专精特新"小巨人"企业的企业数
--   specialized_smes: 截至当年所获最高层级为专精特新中小企业的企业数
--   innovative_smes: 截至当年所获最高层级为创新型中小企业的企业数
--   quality_smes: 当年持有四个层级中任一层级的企业数
--   quality_in_leading: 集群主导产业中的优质中小企业数
--   top_tiers_in_leading: 主导产业中的制造业单项冠军企业和专精特新"小巨人"企业数
CREATE OR REPLACE VIEW cluster_tiers AS
WITH honor_years AS (
    -- The year each enterprise first held each tier (honors are a history).
    SELECT
        enterprise_id,
        min(awarded_year) FILTER (WHERE tier = 'manufacturing_champion') AS champion_from,
        min(awarded_year) FILTER (WHERE tier = 'little_giant') AS giant_from,
        min(awarded_year) FILTER (WHERE tier = 'specialized_sme') AS specialized_from,
        min(awarded_year) FILTER (WHERE tier = 'innovative_sme') AS innovative_from
    FROM enterprise_honors
    GROUP BY enterprise_id
),
shapes AS (
    -- Enterprises alike in membership years, class and honor years, counted
    -- once: a few thousand groups however long the roster is.
    SELECT
        e.cluster_id, e.joined_year, e.left_year, e.is_sme, e.above_scale, e.in_leading_industry,
        h.champion_from, h.giant_from, h.specialized_from, h.innovative_from,
        count(*) AS n
    FROM enterprises AS e
    LEFT JOIN honor_years AS h USING (enterprise_id)
    GROUP BY ALL
),
years AS (
    SELECT DISTINCT report_year FROM cluster_reports
),
placed AS (
    SELECT
        s.cluster_id, y.report_year, s.n, s.is_sme, s.above_scale, s.in_leading_industry,
        CASE WHEN s.champion_from <= y.report_year THEN 'manufacturing_champion'
             WHEN s.giant_from <= y.report_year THEN 'little_giant'
             WHEN s.specialized_from <= y.report_year THEN 'specialized_sme'
             WHEN s.innovative_from <= y.report_year THEN 'innovative_sme' END AS tier
    FROM shapes AS s
    JOIN years AS y
      ON s.joined_year <= y.report_year AND (s.left_year IS NULL OR y.report_year < s.left_year)
)
SELECT
    c.cluster_id,
    y.report_year,
    coalesce(sum(p.n), 0) AS enterprises,
    coalesce(sum(p.n) FILTER (WHERE p.is_sme), 0) AS smes,
    coalesce(sum(p.n) FILTER (WHERE p.above_scale), 0) AS above_scale,
    coalesce(sum(p.n) FILTER (WHERE p.tier = 'manufacturing_champion'), 0) AS manufacturing_champions,
    coalesce(sum(p.n) FILTER (WHERE p.tier = 'little_giant'), 0) AS little_giants,
    coalesce(sum(p.n) FILTER (WHERE p.tier = 'specialized_sme'), 0) AS specialized_smes,
    coalesce(sum(p.n) FILTER (WHERE p.tier = 'innovative_sme'), 0) AS innovative_smes,
    coalesce(sum(p.n) FILTER (WHERE p.tier IS NOT NULL), 0) AS quality_smes,
    coalesce(sum(p.n) FILTER (WHERE p.tier IS NOT NULL AND p.in_leading_industry), 0) AS quality_in_leading,
    coalesce(sum(p.n) FILTER (WHERE p.tier IN ('manufacturing_champion', 'little_giant') AND p.in_leading_industry), 0) AS top_tiers_in_leading
FROM clusters AS c
CROSS JOIN years AS y
LEFT JOIN placed AS p ON p.cluster_id = c.cluster_id AND p.report_year = y.report_year
GROUP BY c.cluster_id, y.report_year;
