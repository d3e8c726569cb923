-- The quality-SME pyramid of one province, by batch.
-- Run with: clusterql --var province=Zhejiang -f examples/province_pyramid.sql
SELECT level, batch_year, tier, enterprises, round(share_of_quality_smes, 4) AS share
FROM quality_pyramid
WHERE province = getvariable('province')
ORDER BY level, batch_year, tier_rank;
