-- name: quality_share_readings
-- question: "Over 20 % of enterprises are quality SMEs": against which denominator does that hold?
-- reproduces: C08
-- grain: one row per denominator (reading) for the 2022 batch in 2022
-- columns:
--   reading: all_smes (the literal reading) or above_scale_enterprises (the reading the claim uses)
--   quality_smes: enterprises in any of the four tiers
--   denominator: SMEs, or enterprises above designated size, that the clusters reported
--   share: quality_smes / denominator
--   over_20_percent: whether the share exceeds 0.20
--   used_by_claim: whether this is the project's reading of C08
--   note: why
CREATE OR REPLACE VIEW quality_share_readings AS
SELECT
    'all_smes' AS reading,
    quality_smes,
    smes AS denominator,
    quality_share_of_smes AS share,
    quality_share_of_smes > 0.20 AS over_20_percent,
    false AS used_by_claim,
    'the tier counts (55 + 294 + 1,487 + ~5,000) are about 2.4 % of 280,000 SMEs, so the claim cannot mean this' AS note
FROM briefing_headline
UNION ALL
SELECT
    'above_scale_enterprises',
    quality_smes,
    above_scale,
    quality_share_of_above_scale,
    quality_share_of_above_scale > 0.20,
    true,
    'quality SMEs as a share of enterprises above designated size: the reading under which the claim holds'
FROM briefing_headline;
