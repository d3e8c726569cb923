-- name: cluster_tiers
-- question: How many quality SMEs of each tier does each cluster's roster hold?
-- reproduces: base of C04-C08
-- grain: one row per cluster
-- columns:
--   cluster_id: the cluster
--   enterprises: enterprises on the roster
--   smes: roster enterprises that are not large
--   above_scale: roster enterprises above designated size (revenue >= 20 mn yuan)
--   manufacturing_champions: enterprises whose highest honor is manufacturing individual champion
--   little_giants: enterprises whose highest honor is specialized and sophisticated little giant
--   specialized_smes: enterprises whose highest honor is specialized and sophisticated SME
--   innovative_smes: enterprises whose highest honor is innovative SME
--   quality_smes: enterprises holding any of the four tiers
--   quality_in_leading: quality SMEs in the cluster's leading industry
CREATE OR REPLACE VIEW cluster_tiers AS
WITH roster AS (
    SELECT e.cluster_id, e.is_sme, e.above_scale, e.in_leading_industry, h.tier
    FROM enterprises AS e
    LEFT JOIN enterprise_honors AS h USING (enterprise_id)
)
SELECT
    c.cluster_id,
    count(r.cluster_id) AS enterprises,
    count(*) FILTER (WHERE r.is_sme) AS smes,
    count(*) FILTER (WHERE r.above_scale) AS above_scale,
    count(*) FILTER (WHERE r.tier = 'manufacturing_champion') AS manufacturing_champions,
    count(*) FILTER (WHERE r.tier = 'little_giant') AS little_giants,
    count(*) FILTER (WHERE r.tier = 'specialized_sme') AS specialized_smes,
    count(*) FILTER (WHERE r.tier = 'innovative_sme') AS innovative_smes,
    count(r.tier) AS quality_smes,
    count(r.tier) FILTER (WHERE r.in_leading_industry) AS quality_in_leading
FROM clusters AS c
LEFT JOIN roster AS r USING (cluster_id)
GROUP BY c.cluster_id;
